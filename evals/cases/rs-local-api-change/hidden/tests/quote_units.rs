use freight_quote::manifest::{parse_manifest, ManifestError};
use freight_quote::pricing::quote_cents;
use units::{parse_mass, MassUnit, ParseMassError};

#[test]
fn unlabelled_decimal_weight_is_kilograms() {
    let parcels = parse_manifest("PKG-7, 0.75\n").unwrap();
    assert_eq!(parcels[0].weight.grams(), 750);
}

#[test]
fn mixed_manifest_is_priced_per_parcel() {
    let parcels = parse_manifest("PKG-1, 3\nPKG-2, 2 lb\nPKG-3, 1500 g\n").unwrap();
    let grams: Vec<u64> = parcels.iter().map(|p| p.weight.grams()).collect();
    assert_eq!(grams, vec![3000, 907, 1500]);
    assert_eq!(quote_cents(&parcels), (450 + 3 * 120) + (450 + 120) + (450 + 2 * 120));
}

#[test]
fn bad_weight_reports_its_line() {
    assert_eq!(
        parse_manifest("PKG-1, 2\nPKG-2, 2 stone\n"),
        Err(ManifestError::BadWeight {
            line: 2,
            source: ParseMassError::UnknownUnit("stone".to_string()),
        })
    );
}

#[test]
fn units_crate_keeps_its_default_unit_parameter() {
    assert_eq!(parse_mass("3", MassUnit::Pound).unwrap().grams(), 1361);
    assert_eq!(parse_mass("3", MassUnit::Gram).unwrap().grams(), 3);
}
