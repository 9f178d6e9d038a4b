from tests.scoring import char_f1, pairwise_precision_recall


def test_char_f1():
    assert char_f1("东莞警情", "东莞警情") == 1.0
    assert char_f1("", "东莞") == 0.0
    assert 0.5 < char_f1("东莞警情下降", "东莞警情") < 1.0


def test_pairwise_scores():
    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert pairwise_precision_recall({"a": "x", "b": "x", "c": "y", "d": "y"}, truth) == (1.0, 1.0)
    precision, recall = pairwise_precision_recall({"a": "x", "b": "x", "c": "x", "d": "y"}, truth)
    assert (precision, recall) == (1 / 3, 1 / 2)
