//! Service definitions, loaded from data files at start and checked before any citizen
//! can see them, and the city's catalogue of services, checked against them.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rathaus_core::api::ServiceSummary;
use rathaus_core::check::member_problems;
use rathaus_core::definition::{OptionList, ServiceDefinition};

pub struct Catalogue {
    services: BTreeMap<String, ServiceDefinition>,
}

/// One finding in one file (or a folder, when it concerns no single file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    /// Where in the file and what, e.g. `steps[1].show_if: 'x' is not an option of 'kind'`.
    pub message: String,
}

impl Problem {
    pub(crate) fn new(file: &Path, message: impl fmt::Display) -> Problem {
        Problem {
            file: file.to_owned(),
            message: message.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.message)
    }
}

/// Why the service definitions or the city's catalogue were not loaded: every problem,
/// each naming its file, under a heading that says which of the two it concerns.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error("{}", listed(&format!("the service definitions ({})", dir.display()), problems))]
    Definitions {
        dir: PathBuf,
        problems: Vec<Problem>,
    },
    #[error("{}", listed(&format!("the catalogue ({})", dir.display()), problems))]
    CityCatalogue {
        dir: PathBuf,
        problems: Vec<Problem>,
    },
}

impl CatalogueError {
    pub fn problems(&self) -> &[Problem] {
        match self {
            CatalogueError::Definitions { problems, .. }
            | CatalogueError::CityCatalogue { problems, .. } => problems,
        }
    }
}

/// `2 problems in what:` and one indented line per problem.
pub fn listed(what: &str, problems: &[Problem]) -> String {
    let mut out = match problems.len() {
        1 => format!("1 problem in {what}:"),
        n => format!("{n} problems in {what}:"),
    };
    for p in problems {
        out.push_str(&format!("\n  {p}"));
    }
    out
}

/// What checking a folder of definitions found: the definitions that could be read
/// (also those with problems, so the catalogue can be checked against their ids), and
/// every problem and warning.
pub struct DefinitionsCheck {
    pub dir: PathBuf,
    /// Where the definitions' translations are (`translations.rs`), if they are read.
    pub translations: Option<PathBuf>,
    pub catalogue: Catalogue,
    pub problems: Vec<Problem>,
    /// Allowed but probably not meant; they do not stop the backend.
    pub warnings: Vec<Problem>,
    /// The option lists of `lists/` (`options_from`), by id.
    pub lists: BTreeMap<String, OptionList>,
}

/// A file's name without `.json`, as the id of what it holds is to be.
fn file_name_id(file: &Path) -> &str {
    file.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
}

/// The problem when `id` is not the file's name: a definition or a list is found by its
/// id, and an author looks for it by the file name.
fn id_not_file_name(file: &Path, id: &str) -> Option<Problem> {
    let expected = file_name_id(file);
    (id != expected).then(|| {
        Problem::new(
            file,
            format!("id: '{id}' must match the file name '{expected}'"),
        )
    })
}

impl DefinitionsCheck {
    pub fn into_result(self) -> Result<Catalogue, CatalogueError> {
        if self.problems.is_empty() {
            Ok(self.catalogue)
        } else {
            Err(CatalogueError::Definitions {
                dir: self.dir,
                problems: self.problems,
            })
        }
    }
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Problem::new(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

impl Catalogue {
    /// Reads every `*.json` in `dir`. Any problem in any file fails the whole load: a bad
    /// definition never reaches a citizen. Warnings are logged.
    pub fn load(dir: &Path) -> Result<Catalogue, CatalogueError> {
        Catalogue::load_translated(dir, None)
    }

    /// [`Catalogue::load`], with each definition's translations from `translations`.
    pub fn load_translated(
        dir: &Path,
        translations: Option<&Path>,
    ) -> Result<Catalogue, CatalogueError> {
        let checked = Catalogue::check_translated(dir, translations);
        for w in &checked.warnings {
            tracing::warn!("{w}");
        }
        checked.into_result()
    }

    /// Reads and checks every `*.json` in `dir`, keeping going after a problem.
    pub fn check(dir: &Path) -> DefinitionsCheck {
        Catalogue::check_translated(dir, None)
    }

    /// [`Catalogue::check`], with each definition's translations merged in and what
    /// they lack reported as warnings.
    pub fn check_translated(dir: &Path, translations: Option<&Path>) -> DefinitionsCheck {
        let mut checked = DefinitionsCheck {
            dir: dir.to_owned(),
            translations: translations.map(Path::to_owned),
            catalogue: Catalogue {
                services: BTreeMap::new(),
            },
            problems: Vec::new(),
            warnings: Vec::new(),
            lists: BTreeMap::new(),
        };
        checked.read_lists(&dir.join("lists"));
        let files = match json_files(dir) {
            Ok(files) => files,
            Err(problem) => {
                checked.problems.push(problem);
                return checked;
            }
        };
        for file in files {
            match std::fs::read_to_string(&file) {
                Ok(text) => checked.file(&file, &text),
                Err(e) => checked.problems.push(Problem::new(&file, e)),
            }
        }
        if checked.catalogue.is_empty() && checked.problems.is_empty() {
            checked
                .problems
                .push(Problem::new(dir, "no service definitions (*.json) found"));
        }
        checked
    }

    pub fn len(&self) -> usize {
        self.services.len()
    }

    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }

    /// The ids of the services, in order.
    pub fn ids(&self) -> Vec<String> {
        self.services.keys().cloned().collect()
    }

    /// A service's name for a case's view: its definition's title, or its id if the
    /// definition is gone.
    pub fn title_of(&self, id: &str) -> rathaus_core::text::Text {
        self.get(id)
            .map(|d| d.title.clone())
            .unwrap_or_else(|| rathaus_core::text::Text::new(id, id))
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

impl DefinitionsCheck {
    /// One definition file: members the format does not know (on the raw JSON, which
    /// serde would skip), then the typed definition's own check.
    fn file(&mut self, file: &Path, text: &str) {
        let merged = self.translated(file, text);
        let text = merged.as_deref().unwrap_or(text);
        let typed = serde_json::from_str::<ServiceDefinition>(text);
        match rathaus_core::json::parse(text) {
            Ok(raw) => self.problems.extend(
                member_problems(&raw)
                    .into_iter()
                    .map(|p| Problem::new(file, p)),
            ),
            // serde's message (with line and column) follows below.
            Err(_) if typed.is_err() => {}
            Err(e) => self.problems.push(Problem::new(
                file,
                format!("the app cannot read this file: {e}"),
            )),
        }
        let def = match typed {
            Ok(def) => def,
            Err(e) => return self.problems.push(Problem::new(file, e)),
        };
        let (def, unlisted) = def.with_lists(&self.lists);
        let findings = def.check();
        let at = |p| Problem::new(file, p);
        self.problems.extend(unlisted.into_iter().map(at));
        self.problems.extend(findings.problems.into_iter().map(at));
        self.warnings.extend(findings.warnings.into_iter().map(at));
        self.problems.extend(id_not_file_name(file, &def.id));
        // Sections are expanded once, here: the app and every handler see the
        // questions as asked (the check above reported what could not be expanded).
        let (def, _) = def.expanded();
        self.catalogue.services.insert(def.id.clone(), def);
    }

    /// The option lists in `dir` (none when there is no such folder), each checked:
    /// named as its file, with options of distinct values and a German label.
    fn read_lists(&mut self, dir: &Path) {
        if !dir.is_dir() {
            return;
        }
        let files = match json_files(dir) {
            Ok(files) => files,
            Err(problem) => return self.problems.push(problem),
        };
        for file in files {
            let list = std::fs::read_to_string(&file)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str::<OptionList>(&t).map_err(|e| e.to_string()));
            let list = match list {
                Ok(list) => list,
                Err(e) => {
                    self.problems.push(Problem::new(&file, e));
                    continue;
                }
            };
            self.problems.extend(id_not_file_name(&file, &list.id));
            if list.options.is_empty() {
                self.problems
                    .push(Problem::new(&file, "options: the list is empty"));
            }
            let mut seen = std::collections::HashSet::new();
            for (i, option) in list.options.iter().enumerate() {
                if option.value.trim().is_empty() || !seen.insert(option.value.as_str()) {
                    self.problems.push(Problem::new(
                        &file,
                        format!(
                            "options[{i}].value: '{}' is empty or used twice",
                            option.value
                        ),
                    ));
                }
                if !option.label.has("de") {
                    self.problems.push(Problem::new(
                        &file,
                        format!("options[{i}].label: needs a 'de' text"),
                    ));
                }
            }
            self.lists.insert(list.id.clone(), list);
        }
    }

    /// The definition with its translations merged in; `None` when there are none to
    /// read (or the file is not JSON: the checks below say so).
    fn translated(&mut self, file: &Path, text: &str) -> Option<String> {
        let dir = self.translations.clone()?;
        let mut value: serde_json::Value = serde_json::from_str(text).ok()?;
        let id = value.get("id")?.as_str()?.to_owned();
        for (locale, read) in crate::translations::read_all(&dir, &id) {
            let catalog = match read {
                Ok(catalog) => catalog,
                Err(e) => {
                    self.problems.push(Problem::new(file, e));
                    continue;
                }
            };
            let lacks = crate::translations::coverage(&value, &catalog);
            let code = locale.code();
            let mut say = |what: &str, list: &[String]| {
                if let Some(first) = list.first() {
                    self.warnings.push(Problem::new(
                        file,
                        format!("{code}: {} {what} (first: {first})", list.len()),
                    ));
                }
            };
            say("texts without a translation", &lacks.missing);
            say(
                "translations of German that has changed since",
                &lacks.stale,
            );
            say("translations of texts that no longer exist", &lacks.unknown);
            crate::translations::apply(&mut value, locale, &catalog);
        }
        Some(value.to_string())
    }
}

/// The city's catalogue of all its services (`catalogue/`: `topics.json` with life
/// situations, categories and synonyms, `offices.json` with the offices, and
/// `services/*.json`, each a list of entries), with its translations from
/// `translations` (crate::catalogue_translations), checked against the wizards'
/// definitions. Problems name their file; any problem stops the load, as for
/// definitions; what a translation lacks is logged.
pub fn load_city_catalogue(
    dir: &Path,
    wizards: &Catalogue,
    translations: Option<&Path>,
) -> Result<rathaus_core::catalogue::Catalogue, CatalogueError> {
    let checked = check_city_catalogue(dir, wizards, translations).map_err(|problems| {
        CatalogueError::CityCatalogue {
            dir: dir.to_owned(),
            problems,
        }
    })?;
    for w in &checked.warnings {
        tracing::warn!("{w}");
    }
    Ok(checked.catalogue)
}

/// A catalogue without problems, and what its translations lack.
pub struct CheckedCity {
    pub catalogue: rathaus_core::catalogue::Catalogue,
    pub warnings: Vec<Problem>,
}

/// Reads one file of the catalogue with its translations merged in (`part` names its
/// PO files), reporting what they lack into `warnings`.
fn read_part<T: serde::de::DeserializeOwned>(
    file: &Path,
    part: &str,
    translations: Option<&Path>,
    warnings: &mut Vec<Problem>,
) -> Result<T, Problem> {
    use crate::catalogue_translations as ct;
    let text = std::fs::read_to_string(file).map_err(|e| Problem::new(file, e))?;
    let mut value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| Problem::new(file, e))?;
    for (locale, read) in translations.map_or_else(Vec::new, |t| ct::read_all(t, part)) {
        let catalog = read.map_err(|e| Problem::new(file, e))?;
        let lacks = ct::coverage(&value, &catalog);
        let code = locale.code();
        for (what, list) in [
            ("texts without a translation", &lacks.missing),
            (
                "translations of German that has changed since",
                &lacks.stale,
            ),
            ("translations of texts that no longer exist", &lacks.unknown),
        ] {
            if let Some(first) = list.first() {
                warnings.push(Problem::new(
                    file,
                    format!("{code}: {} {what} (first: {first})", list.len()),
                ));
            }
        }
        ct::apply(&mut value, locale, &catalog);
    }
    serde_json::from_value(value).map_err(|e| Problem::new(file, e))
}

/// The city's catalogue in `dir` (with its translations), or every problem in it;
/// `wizards` are the service definitions that `channel: wizard` entries may name, and
/// whose names, summaries and fees those entries show
/// (rathaus_core::catalogue, `fill_from_definitions`).
pub fn check_city_catalogue(
    dir: &Path,
    wizards: &Catalogue,
    translations: Option<&Path>,
) -> Result<CheckedCity, Vec<Problem>> {
    use rathaus_core::catalogue::{Catalogue as City, CatalogueEntry};
    let mut warnings = Vec::new();
    let topics_file = dir.join("topics.json");
    let mut city: City =
        read_part(&topics_file, "topics", translations, &mut warnings).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    // Optional as a file: without it, every in-person service is reported for want of
    // an office.
    let offices_file = dir.join("offices.json");
    if offices_file.exists() {
        match read_part(&offices_file, "offices", translations, &mut warnings) {
            Ok(offices) => city.offices = offices,
            Err(p) => problems.push(p),
        }
    }
    let files = json_files(&dir.join("services")).map_err(|p| vec![p])?;
    // Which file each entry came from, to name it with the entry's problems.
    let mut files_of: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in files {
        let part = file_name_id(&file).to_owned();
        if ["topics", "offices"].contains(&part.as_str()) {
            problems.push(Problem::new(
                &file,
                "a services file cannot be named like the catalogue's own files: its \
                 translations would share theirs (translations/catalogue/<language>/<name>.po)",
            ));
            continue;
        }
        match read_part::<Vec<CatalogueEntry>>(&file, &part, translations, &mut warnings) {
            Ok(entries) => {
                for entry in &entries {
                    let of = files_of.entry(entry.id.clone()).or_default();
                    if !of.contains(&file) {
                        of.push(file.clone());
                    }
                }
                city.services.extend(entries);
            }
            Err(p) => problems.push(p),
        }
    }
    // Each line of the core's check starts with the entry's id; a line about something
    // else (a topic, say) is named with the catalogue's folder.
    let mut lines = city.fill_from_definitions(|id| wizards.get(id));
    lines.extend(city.problems(&wizards.ids()));
    for line in lines {
        let entry = line.split_once(": ").map(|(id, _)| id);
        match entry.and_then(|id| files_of.get(id)) {
            Some(files) => problems.extend(files.iter().map(|f| Problem::new(f, &line))),
            None => problems.push(Problem::new(dir, &line)),
        }
    }
    if problems.is_empty() {
        Ok(CheckedCity {
            catalogue: city,
            warnings,
        })
    } else {
        Err(problems)
    }
}
