use freight_quote::manifest::{parse_manifest, ManifestError};
use freight_quote::pricing::quote_cents;

#[test]
fn parses_weights_with_units() {
    let parcels = parse_manifest("PKG-1, 2.5 kg\nPKG-2, 800 g\n").unwrap();
    assert_eq!(parcels[0].id, "PKG-1");
    assert_eq!(parcels[0].weight.grams(), 2500);
    assert_eq!(parcels[1].weight.grams(), 800);
}

#[test]
fn unlabelled_weights_are_kilograms() {
    let parcels = parse_manifest("PKG-3, 12\n").unwrap();
    assert_eq!(parcels[0].weight.grams(), 12_000);
}

#[test]
fn reports_the_line_of_a_missing_weight() {
    assert_eq!(
        parse_manifest("PKG-1, 2 kg\n\nPKG-2\n"),
        Err(ManifestError::MissingWeight { line: 3 })
    );
}

#[test]
fn quote_charges_started_kilograms() {
    let parcels = parse_manifest("# morning pickup\nPKG-1, 2.5 kg\nPKG-2, 800 g\n").unwrap();
    assert_eq!(quote_cents(&parcels), (450 + 3 * 120) + (450 + 120));
}
