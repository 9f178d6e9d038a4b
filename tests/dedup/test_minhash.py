from tasks.dedup.minhash import assign_clusters, estimated_jaccard, normalize_text, signature

STORY = ("2020年大岭山公安分局共接违法犯罪类警情4104起，同比下降49.55%。其中盗窃警情同比下降57%，两抢警情同比下降84%。"
         "分局将继续深化警务改革，推动社区警务和群防群治，提升群众的安全感和满意度。今年以来，分局结合辖区实际，"
         "组织开展了多轮专项行动，重点整治出租屋、工业区和城中村治安乱点。")
OTHER = ("虎门镇举办龙舟邀请赛，来自全市的二十支队伍参加比赛。比赛在虎门港附近水域举行，吸引了上万名市民观看。"
         "活动期间交警部门对周边道路实施临时交通管制，提醒市民绿色出行，合理安排出行路线，注意人身和财物安全。")


def no_db(_):
    return None


def no_bands(_):
    return []


def test_normalization_folds_traditional_width_and_punctuation():
    assert normalize_text("東莞 警情，同比下降５０％！") == normalize_text("东莞警情同比下降50%")


def test_copies_cluster_together_and_different_stories_apart():
    import opencc

    traditional = opencc.OpenCC("s2t").convert(STORY)
    edited = STORY.replace("提升群众的安全感和满意度", "不断提升群众安全感") + "记者 李明"
    docs = [signature("a", STORY), signature("b", traditional), signature("c", edited), signature("d", OTHER)]
    assert docs[0].content_hash == docs[1].content_hash  # traditional copy is an exact copy once folded
    assert estimated_jaccard(docs[0].minhash, docs[2].minhash) > 0.7
    assert estimated_jaccard(docs[0].minhash, docs[3].minhash) < 0.1
    clusters = assign_clusters(docs, no_db, no_bands)
    assert clusters == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_existing_clusters_keep_their_id():
    first = signature("x1", STORY)
    later = signature("y9", STORY + "（完）")
    clusters = assign_clusters([later], no_db, lambda bands: [("x1", "x1", first.minhash)])
    assert clusters == {"y9": "x1"}
