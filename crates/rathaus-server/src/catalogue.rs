//! Service definitions, loaded from data files at start and checked before any citizen
//! can see them.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rathaus_core::api::ServiceSummary;
use rathaus_core::definition::ServiceDefinition;

pub struct Catalogue {
    services: BTreeMap<String, ServiceDefinition>,
}

/// Every problem found in a folder of definitions, each naming its file.
#[derive(Debug)]
pub struct CatalogueError(pub Vec<String>);

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "service definitions have {} problem(s):", self.0.len())?;
        for p in &self.0 {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// Reads every `*.json` in `dir`. Any problem in any file fails the whole load: a bad
    /// definition never reaches a citizen.
    pub fn load(dir: &Path) -> Result<Catalogue, CatalogueError> {
        let mut problems = Vec::new();
        let mut services = BTreeMap::new();
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect(),
            Err(e) => return Err(CatalogueError(vec![format!("{}: {e}", dir.display())])),
        };
        files.sort();
        for file in files {
            let name = file.display();
            let def: ServiceDefinition = match std::fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            {
                Ok(def) => def,
                Err(e) => {
                    problems.push(format!("{name}: {e}"));
                    continue;
                }
            };
            problems.extend(def.problems().into_iter().map(|p| format!("{name}: {p}")));
            let expected = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            if def.id != expected {
                problems.push(format!(
                    "{name}: id: '{}' must match the file name '{expected}'",
                    def.id
                ));
            }
            services.insert(def.id.clone(), def);
        }
        if services.is_empty() && problems.is_empty() {
            problems.push(format!(
                "{}: no service definitions (*.json) found",
                dir.display()
            ));
        }
        if problems.is_empty() {
            Ok(Catalogue { services })
        } else {
            Err(CatalogueError(problems))
        }
    }

    pub fn len(&self) -> usize {
        self.services.len()
    }

    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&ServiceDefinition> {
        self.services.get(id)
    }

    pub fn summaries(&self) -> Vec<ServiceSummary> {
        self.services
            .values()
            .map(ServiceDefinition::summary_entry)
            .collect()
    }
}

/// The city's catalogue of all its services (`catalogue/`: `topics.json` with life
/// situations, categories and synonyms, `offices.json` with the offices, and
/// `services/*.json`, each a list of entries),
/// checked against the wizards' definitions. Problems name their file; any problem
/// stops the load, as for definitions.
pub fn load_city_catalogue(
    dir: &Path,
    wizards: &Catalogue,
) -> Result<rathaus_core::catalogue::Catalogue, CatalogueError> {
    use rathaus_core::catalogue::{Catalogue as City, CatalogueEntry};
    let read =
        |file: &Path| std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()));
    let topics_file = dir.join("topics.json");
    let mut city: City = read(&topics_file)
        .and_then(|text| {
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", topics_file.display()))
        })
        .map_err(|e| CatalogueError(vec![e]))?;
    let mut problems = Vec::new();
    // Optional as a file: without it, every in-person service is reported for want of
    // an office.
    let offices_file = dir.join("offices.json");
    if offices_file.exists() {
        match read(&offices_file).and_then(|text| {
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", offices_file.display()))
        }) {
            Ok(offices) => city.offices = offices,
            Err(e) => problems.push(e),
        }
    }
    let services_dir = dir.join("services");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&services_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            return Err(CatalogueError(vec![format!(
                "{}: {e}",
                services_dir.display()
            )]))
        }
    };
    files.sort();
    for file in files {
        match read(&file).and_then(|text| {
            serde_json::from_str::<Vec<CatalogueEntry>>(&text)
                .map_err(|e| format!("{}: {e}", file.display()))
        }) {
            Ok(entries) => city.services.extend(entries),
            Err(e) => problems.push(e),
        }
    }
    let wizard_ids: Vec<String> = wizards.services.keys().cloned().collect();
    problems.extend(city.problems(&wizard_ids));
    if problems.is_empty() {
        Ok(city)
    } else {
        Err(CatalogueError(problems))
    }
}
