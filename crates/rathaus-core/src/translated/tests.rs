use super::*;
use crate::json::parse;

fn legal() -> Json {
    parse(
        r#"{"city": {"de": "Stadt Musterstadt", "en": "City of Musterstadt"},
            "phone": "+49 555",
            "sections": [
              {"heading": {"de": "Links"}, "paragraphs": [{"de": "Erster."}, {"de": "Zweiter."}]},
              {"id": "cookies", "heading": {"de": "Cookies"}}
            ]}"#,
    )
    .unwrap()
}

#[test]
fn translations_go_to_their_places_by_key_id_and_position() {
    let mut tree = legal();
    let texts = parse(
        r#"{"city": {"de": "Stadt Musterstadt", "tr": "Musterstadt Belediyesi"},
            "sections/0/paragraphs/1": {"de": "Zweiter.", "tr": "İkinci."},
            "sections/cookies/heading": {"de": "Cookies", "tr": "Çerezler"},
            "nowhere/at/all": {"de": "x", "tr": "y"}}"#,
    )
    .unwrap();
    assert_eq!(lay_onto(&mut tree, &texts, "tr"), 3);
    assert_eq!(
        tree.get("city").unwrap().get("tr").unwrap().as_str(),
        Ok("Musterstadt Belediyesi")
    );
    let Json::Array(sections) = tree.get("sections").unwrap() else {
        panic!()
    };
    let paragraphs = sections[0].get("paragraphs").unwrap();
    let Json::Array(paragraphs) = paragraphs else {
        panic!()
    };
    assert!(paragraphs[0].get("tr").is_none());
    assert_eq!(paragraphs[1].get("tr").unwrap().as_str(), Ok("İkinci."));
    assert_eq!(
        sections[1]
            .get("heading")
            .unwrap()
            .get("tr")
            .unwrap()
            .as_str(),
        Ok("Çerezler")
    );
    // The English stays.
    assert_eq!(
        tree.get("city").unwrap().get("en").unwrap().as_str(),
        Ok("City of Musterstadt")
    );
}

#[test]
fn a_translation_of_german_the_city_has_changed_since_is_not_used() {
    let mut tree = legal();
    let texts = parse(r#"{"city": {"de": "Stadt Musterstadt (alt)", "tr": "Eski ad"}}"#).unwrap();
    assert_eq!(lay_onto(&mut tree, &texts, "tr"), 0);
    assert!(tree.get("city").unwrap().get("tr").is_none());
    // Nor a value that is not a text.
    let texts = parse(r#"{"phone": {"de": "+49 555", "tr": "x"}}"#).unwrap();
    assert_eq!(lay_onto(&mut tree, &texts, "tr"), 0);
}
