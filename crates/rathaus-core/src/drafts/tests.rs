use super::*;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Answer::Text(v.to_string())))
            .collect(),
    )
}

fn times(pairs: &[(&str, u64)]) -> EditTimes {
    pairs.iter().map(|(k, t)| (k.to_string(), *t)).collect()
}

const NONE: &EditTimes = &BTreeMap::new();

fn side<'a>(answers: &'a Answers, edited: &'a EditTimes, saved_at: u64) -> Side<'a> {
    Side {
        answers,
        edited,
        saved_at,
    }
}

#[test]
fn nothing_answered_on_either_side_is_lost() {
    let mine = answers(&[("kind", "private"), ("purpose", "")]);
    let theirs = answers(&[("purpose", "Bewerbung"), ("street", "Markt 1")]);
    let merged = merge(side(&mine, NONE, 10), side(&theirs, NONE, 5));
    assert_eq!(
        merged.answers,
        answers(&[
            ("kind", "private"),
            ("purpose", "Bewerbung"),
            ("street", "Markt 1")
        ])
    );
    assert_eq!(merged.changed, ["purpose", "street"]);
    // Taken answers keep the time they were changed on the other device.
    assert_eq!(merged.edited, times(&[("purpose", 5), ("street", 5)]));
}

#[test]
fn without_times_of_their_own_the_later_draft_wins() {
    let mine = answers(&[("purpose", "Ehrenamt")]);
    let theirs = answers(&[("purpose", "Bewerbung")]);
    let taken = merge(side(&mine, NONE, 5), side(&theirs, NONE, 10));
    assert_eq!(taken.answers, theirs);
    assert_eq!(taken.changed, ["purpose"]);
    let kept = merge(side(&mine, NONE, 10), side(&theirs, NONE, 5));
    assert_eq!(kept.answers, mine);
    assert!(kept.changed.is_empty());
    // The same answer on both sides is no change.
    assert!(merge(side(&mine, NONE, 5), side(&mine, NONE, 10))
        .changed
        .is_empty());
}

#[test]
fn each_question_takes_the_answer_changed_last_whichever_draft_was_saved_later() {
    // Both devices began with purpose = Ehrenamt, street = Markt 1. The other device
    // changed the street at 20; this one, offline, changed the purpose at 30 and was
    // saved last — its old street must not win over the newer one.
    let mine = answers(&[("purpose", "Bewerbung"), ("street", "Markt 1")]);
    let mine_times = times(&[("purpose", 30), ("street", 1)]);
    let theirs = answers(&[("purpose", "Ehrenamt"), ("street", "Hauptstraße 5")]);
    let theirs_times = times(&[("purpose", 1), ("street", 20)]);
    let merged = merge(
        side(&mine, &mine_times, 30),
        side(&theirs, &theirs_times, 20),
    );
    assert_eq!(
        merged.answers,
        answers(&[("purpose", "Bewerbung"), ("street", "Hauptstraße 5")])
    );
    assert_eq!(merged.changed, ["street"]);
    assert_eq!(merged.edited, times(&[("purpose", 30), ("street", 20)]));
    // And the other way round, the same answers.
    let back = merge(
        side(&theirs, &theirs_times, 20),
        side(&mine, &mine_times, 30),
    );
    assert_eq!(back.answers, merged.answers);
    assert_eq!(back.changed, ["purpose"]);
}

#[test]
fn a_saved_change_is_stamped_with_the_time_it_was_saved() {
    let before = answers(&[("purpose", "Ehrenamt"), ("street", "Markt 1")]);
    let before_times = times(&[("purpose", 3), ("street", 4)]);
    let after = answers(&[
        ("purpose", "Bewerbung"),
        ("street", "Markt 1"),
        ("town", "X"),
    ]);
    // The draft in memory may not yet know the times the last save gave.
    let mut edited = times(&[("purpose", 3)]);
    stamp_changes(&before, &before_times, &after, &mut edited, 50);
    assert_eq!(
        edited,
        times(&[("purpose", 50), ("street", 4), ("town", 50)])
    );
    // Nothing changed: nothing stamped.
    let mut again = edited.clone();
    stamp_changes(&after, &edited, &after, &mut again, 60);
    assert_eq!(again, edited);
}

#[test]
fn an_answer_taken_from_another_device_keeps_its_time_when_saved() {
    let before = answers(&[("street", "Markt 1")]);
    let before_times = times(&[("street", 4)]);
    let theirs = answers(&[("street", "Hauptstraße 5")]);
    let merged = merge(
        side(&before, &before_times, 4),
        side(&theirs, &times(&[("street", 20)]), 20),
    );
    let mut edited = merged.edited.clone();
    stamp_changes(&before, &before_times, &merged.answers, &mut edited, 90);
    assert_eq!(edited, times(&[("street", 20)]));
}

#[test]
fn an_answer_taken_away_loses_its_time() {
    let before = answers(&[("street", "Markt 1"), ("town", "X")]);
    let before_times = times(&[("street", 4), ("town", 5)]);
    let after = answers(&[("town", "X")]);
    let mut edited = before_times.clone();
    stamp_changes(&before, &before_times, &after, &mut edited, 9);
    assert_eq!(edited, times(&[("town", 5)]));
}
