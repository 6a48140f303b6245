use units::{parse_mass, Mass, ParseMassError};

/// One manifest line such as `PKG-104, 12.5 kg`.
#[derive(Debug, Clone, PartialEq)]
pub struct Parcel {
    pub id: String,
    pub weight: Mass,
}

#[derive(Debug, PartialEq)]
pub enum ManifestError {
    MissingWeight { line: usize },
    BadWeight { line: usize, source: ParseMassError },
}

/// Parses a manifest: one `ID, weight` pair per line, blank lines and `#` comments skipped.
/// Manifest weights are in kilograms unless the value carries its own unit.
pub fn parse_manifest(text: &str) -> Result<Vec<Parcel>, ManifestError> {
    let mut parcels = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, weight) = line
            .split_once(',')
            .ok_or(ManifestError::MissingWeight { line: index + 1 })?;
        let weight = parse_mass(weight)
            .map_err(|source| ManifestError::BadWeight { line: index + 1, source })?;
        parcels.push(Parcel {
            id: id.trim().to_string(),
            weight,
        });
    }
    Ok(parcels)
}
