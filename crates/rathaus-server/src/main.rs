//! `rathaus-server`: the reference backend. See `rathaus-server --help`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rathaus_server::{catalogue, Config};

#[derive(Parser)]
#[command(
    version,
    about = "Reference backend of Rathaus: serves the built app and /api/v1",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Without a subcommand: serve, with these options.
    #[command(flatten)]
    serve: Config,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app and the API (the default).
    Serve(Box<Config>),
    /// Check a folder of service definitions and the city's catalogue, and report every
    /// problem.
    CheckServices {
        #[arg(default_value = "services")]
        dir: std::path::PathBuf,
        #[arg(long, default_value = "catalogue")]
        catalogue: std::path::PathBuf,
        /// Folder of translations; what they lack is reported per language.
        #[arg(long, default_value = "translations")]
        translations: std::path::PathBuf,
    },
    /// For translators: a service's texts as a PO file, and a translated one taken back
    /// (docs/translations.md).
    Translations {
        #[arg(long, default_value = "services")]
        services: std::path::PathBuf,
        #[arg(long, default_value = "catalogue")]
        catalogue: std::path::PathBuf,
        #[arg(long, default_value = "translations")]
        translations: std::path::PathBuf,
        #[command(subcommand)]
        action: TranslationAction,
    },
    /// Print the JSON Schema of service definitions (checked in as
    /// docs/service-definition.schema.json).
    DefinitionSchema,
    /// Print the OpenAPI 3.1 description of `/api/v1` (checked in as docs/openapi.json).
    Openapi,
    /// Play the office's part: list cases, move one on, write to the citizen, ask for
    /// information or a document. Works on the database while the server runs.
    Admin {
        /// Folder of the SQLite database, as for serving.
        #[arg(long, env = "RATHAUS_DATA_DIR", default_value = "data")]
        data_dir: std::path::PathBuf,
        #[command(subcommand)]
        action: AdminAction,
    },
}

#[derive(Subcommand)]
enum TranslationAction {
    /// Print the PO file of a service in a language: every text, its German, and the
    /// translation it has so far.
    Export { service: String, language: String },
    /// Check a translated PO file against the service and keep it as the service's
    /// translation into the file's language.
    Import {
        service: String,
        file: std::path::PathBuf,
    },
    /// Write (or bring up to date) the catalogue's PO files in a language, one per
    /// catalogue file, keeping the translations they have; prints what they lack.
    Catalogue { language: String },
    /// Write (or bring up to date) the PO file of the city's own texts
    /// (`public/legal.json`) in a language, and the file the app loads from it.
    Legal {
        language: String,
        #[arg(long, default_value = "public")]
        public: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum AdminAction {
    /// The newest cases.
    List {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// A case's status, timeline and open request.
    Show { case_number: String },
    /// Move a case on: received → in_review → approved | rejected → completed.
    /// (action_needed comes with a question: use `ask`.)
    Move {
        case_number: String,
        /// in_review, approved, rejected or completed.
        status: String,
        /// A message to the citizen, shown in the timeline.
        #[arg(long)]
        message: Option<String>,
    },
    /// Write to the citizen without changing the status.
    Message { case_number: String, text: String },
    /// Ask the citizen for information (the case becomes action_needed until they
    /// answer in the app).
    Ask {
        case_number: String,
        text: String,
        /// The answer must include a document.
        #[arg(long)]
        document: bool,
    },
    /// An office's appointments on a day, earliest first, with who booked and how to
    /// reach them.
    Appointments {
        /// The office's id in catalogue/offices.json, e.g. buergerbuero-mitte.
        office: String,
        /// The day, e.g. 2026-12-14.
        day: String,
        /// Folder of the city's catalogue (its appointments.json names the offices).
        #[arg(long, env = "RATHAUS_CATALOGUE_DIR", default_value = "catalogue")]
        catalogue: std::path::PathBuf,
    },
    /// Close an office for a day (a strike, a burst pipe): no more times are given
    /// that day, and its bookings are called off; their citizens see it in the app.
    CloseDay {
        office: String,
        day: String,
        #[arg(long, env = "RATHAUS_CATALOGUE_DIR", default_value = "catalogue")]
        catalogue: std::path::PathBuf,
    },
    /// The newest reports of barriers sent from the app, as the citizens wrote them
    /// (control and bidi characters shown as escapes).
    Feedback {
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
}

fn main() -> ExitCode {
    rathaus_server::init_logging();
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve(Box::new(cli.serve)));
    match command {
        Command::Serve(config) => {
            let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
            match runtime.block_on(rathaus_server::serve(*config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("rathaus-server: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::DefinitionSchema => {
            print!("{}", rathaus_core::schema::definition_schema());
            ExitCode::SUCCESS
        }
        Command::Openapi => {
            print!("{}", rathaus_server::openapi::document());
            ExitCode::SUCCESS
        }
        Command::Admin { data_dir, action } => match admin(&data_dir, action) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rathaus-server admin: {e}");
                ExitCode::FAILURE
            }
        },
        Command::CheckServices {
            dir,
            catalogue: city,
            translations,
        } => check_services(&dir, &city, &translations),
        Command::Translations {
            services,
            catalogue,
            translations,
            action,
        } => match translations_command(&services, &catalogue, &translations, action) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("rathaus-server translations: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

/// Checks the definitions and the catalogue, each fully even when the other has
/// problems, and reports them under separate headings, then the warnings (which do not
/// fail the check, as they do not stop the backend).
fn check_services(
    dir: &std::path::Path,
    city: &std::path::Path,
    translations: &std::path::Path,
) -> ExitCode {
    let definitions = catalogue::Catalogue::check_translated(dir, Some(translations));
    let mut report = Vec::new();
    let mut failed = false;
    if definitions.problems.is_empty() {
        report.push(format!(
            "{}: {} service definitions, no problems",
            dir.display(),
            definitions.catalogue.len()
        ));
    } else {
        failed = true;
        let what = format!("the service definitions ({})", dir.display());
        report.push(catalogue::listed(&what, &definitions.problems));
    }
    // Checked against every definition that could be read, also one with problems, so
    // that its entry is not reported as well.
    let mut city_warnings = Vec::new();
    match catalogue::check_city_catalogue(city, &definitions.catalogue, Some(translations)) {
        Ok(checked) => {
            report.push(format!(
                "{}: {} services in the catalogue, no problems",
                city.display(),
                checked.catalogue.services.len()
            ));
            city_warnings = checked.warnings;
        }
        Err(problems) => {
            failed = true;
            let what = format!("the catalogue ({})", city.display());
            report.push(catalogue::listed(&what, &problems));
        }
    }
    for (what, list) in [
        ("the service definitions", &definitions.warnings),
        ("the catalogue", &city_warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        let n = list.len();
        let mut warnings = format!(
            "{n} warning{} in {what} (they do not stop the backend):",
            if n == 1 { "" } else { "s" }
        );
        for w in list {
            warnings.push_str(&format!("\n  {w}"));
        }
        report.push(warnings);
    }
    let report = report.join("\n");
    if failed {
        eprintln!("{report}");
        ExitCode::FAILURE
    } else {
        println!("{report}");
        ExitCode::SUCCESS
    }
}

fn translations_command(
    services: &std::path::Path,
    catalogue: &std::path::Path,
    translations: &std::path::Path,
    action: TranslationAction,
) -> Result<(), Box<dyn std::error::Error>> {
    use rathaus_core::po::Catalog;
    use rathaus_server::translations as t;
    let definition = |service: &str| -> Result<serde_json::Value, Box<dyn std::error::Error>> {
        let path = services.join(format!("{service}.json"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(serde_json::from_str(&text)?)
    };
    let translated = |code: &str| {
        t::translated()
            .find(|l| l.code() == code)
            .ok_or_else(|| format!("'{code}' is not a language translated by PO files"))
    };
    match action {
        TranslationAction::Export { service, language } => {
            let locale = translated(&language)?;
            let existing = existing_po(&t::po_path(translations, locale, &service))?;
            print!(
                "{}",
                t::export(&definition(&service)?, locale, existing.as_ref()).write()
            );
        }
        TranslationAction::Import { service, file } => {
            let catalog = Catalog::parse(&std::fs::read_to_string(&file)?)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let locale = translated(&catalog.language)?;
            let lacks = t::coverage(&definition(&service)?, &catalog);
            if !lacks.unknown.is_empty() {
                return Err(format!("texts the service does not have: {:?}", lacks.unknown).into());
            }
            let to = t::po_path(translations, locale, &service);
            std::fs::create_dir_all(to.parent().expect("a folder"))?;
            std::fs::write(&to, catalog.write())?;
            println!(
                "{}: {} texts, {} without a translation, {} of changed German",
                to.display(),
                catalog.entries.len(),
                lacks.missing.len(),
                lacks.stale.len()
            );
        }
        TranslationAction::Catalogue { language } => {
            catalogue_po_files(catalogue, translations, translated(&language)?)?
        }
        TranslationAction::Legal { language, public } => {
            use rathaus_server::legal_translations as lt;
            let locale = translated(&language)?;
            let file = public.join("legal.json");
            let legal: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file)?)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            let to = lt::po_path(translations, locale);
            let existing = existing_po(&to)?;
            let catalog = t::export(&legal, locale, existing.as_ref());
            std::fs::create_dir_all(to.parent().expect("a folder"))?;
            std::fs::write(&to, catalog.write())?;
            let app = lt::app_path(&public, locale);
            std::fs::write(&app, lt::for_app(&legal, locale, &catalog))?;
            println!(
                "{}: {} texts, {} without a confirmed translation; {} written",
                to.display(),
                catalog.entries.len(),
                t::coverage(&legal, &catalog).missing.len(),
                app.display()
            );
        }
    }
    Ok(())
}

/// The PO file at `path` as read, `None` where there is none yet.
fn existing_po(
    path: &std::path::Path,
) -> Result<Option<rathaus_core::po::Catalog>, Box<dyn std::error::Error>> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(None);
    };
    let catalog =
        rathaus_core::po::Catalog::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(catalog))
}

/// [`TranslationAction::Catalogue`].
fn catalogue_po_files(
    catalogue: &std::path::Path,
    translations: &std::path::Path,
    locale: rathaus_core::Locale,
) -> Result<(), Box<dyn std::error::Error>> {
    use rathaus_server::catalogue_translations as ct;
    for part in ct::parts(catalogue)? {
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&part.file)?)
            .map_err(|e| format!("{}: {e}", part.file.display()))?;
        let to = ct::po_path(translations, locale, &part.name);
        let existing = existing_po(&to)?;
        let changed = existing
            .as_ref()
            .map_or(0, |e| ct::coverage(&value, e).stale.len());
        let catalog = ct::export(&value, locale, existing.as_ref());
        let lacks = ct::coverage(&value, &catalog);
        std::fs::create_dir_all(to.parent().expect("a folder"))?;
        std::fs::write(&to, catalog.write())?;
        println!(
            "{}: {} texts, {} without a confirmed translation ({} of them of changed German, marked fuzzy)",
            to.display(),
            catalog.entries.len(),
            lacks.missing.len(),
            changed
        );
    }
    Ok(())
}

fn admin(
    data_dir: &std::path::Path,
    action: AdminAction,
) -> Result<(), Box<dyn std::error::Error>> {
    use rathaus_core::case::{normalize_case_number, CaseStatus};
    use rathaus_server::db::Db;
    // Citizens' text (answers, file names) is shown escaped: a carriage return or a
    // right-to-left override must not forge a line or disguise a name.
    use rathaus_server::staff_text::escape;
    let db = Db::open(data_dir)?;
    let now = rathaus_server::clock::now();
    let number = |typed: &str| {
        normalize_case_number(typed).ok_or_else(|| format!("'{typed}' is not a case number"))
    };
    match action {
        AdminAction::List { limit } => {
            for case in db.recent_cases(limit)? {
                println!(
                    "{}  {:<14} {:<20} {}",
                    escape(&case.case_number),
                    case.status.name(),
                    escape(&case.service_id),
                    case.submitted_at.to_rfc3339()
                );
            }
        }
        AdminAction::Show { case_number } => {
            let number = number(&case_number)?;
            let case = db
                .case_for_office(&number)?
                .ok_or_else(|| format!("there is no case {number}"))?;
            println!(
                "{}  {}  {}",
                escape(&case.case_number),
                escape(&case.service_id),
                case.status.name()
            );
            if let Some((answers, from_login)) = db.case_answers(&number)? {
                let answers: serde_json::Map<String, serde_json::Value> =
                    serde_json::from_str(&answers).unwrap_or_default();
                for (id, value) in &answers {
                    let mark = if from_login.contains(id) {
                        "  (from the login)"
                    } else {
                        ""
                    };
                    println!("  {}: {}{mark}", escape(id), escape(&value.to_string()));
                }
            }
            for e in &case.events {
                let files: Vec<_> = e.attachments.iter().map(|name| escape(name)).collect();
                println!(
                    "  {}  {:<14} {:<8} {}{}",
                    e.at,
                    e.status.name(),
                    e.kind.name(),
                    escape(e.message.as_deref().unwrap_or("")),
                    if files.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", files.join(", "))
                    }
                );
            }
            if let Some(r) = case.open_request {
                let document = if r.wants_document {
                    ", document needed"
                } else {
                    ""
                };
                println!("  open request{document}: {}", escape(&r.message));
            }
        }
        AdminAction::Move {
            case_number,
            status,
            message,
        } => {
            let to = CaseStatus::from_name(&status.replace('-', "_")).ok_or_else(|| {
                format!("'{status}' is not a status (in_review, approved, rejected, completed)")
            })?;
            let number = number(&case_number)?;
            db.move_case(&number, to, message.as_deref(), now)?;
            println!("{number}: {}", to.name());
        }
        AdminAction::Message { case_number, text } => {
            let number = number(&case_number)?;
            db.add_message(&number, &text, now)?;
            println!("{number}: message added");
        }
        AdminAction::Ask {
            case_number,
            text,
            document,
        } => {
            let number = number(&case_number)?;
            db.ask(&number, &text, document, now)?;
            println!("{number}: action_needed");
        }
        AdminAction::Appointments {
            office,
            day,
            catalogue,
        } => {
            let day = booking_day(&office, &day, &catalogue)?;
            let list = db.day_list(&office, day)?;
            if list.is_empty() {
                println!("{office} {day}: no appointments");
            }
            for (a, contact) in list {
                println!(
                    "{}  {} ({} min)  {:<10} {:<20} {} person(s)  {}  {}",
                    a.number,
                    a.time,
                    a.minutes,
                    status_name(a.status),
                    escape(&a.service),
                    a.persons,
                    escape(&a.name),
                    escape(&contact)
                );
            }
        }
        AdminAction::CloseDay {
            office,
            day,
            catalogue,
        } => {
            let day = booking_day(&office, &day, &catalogue)?;
            let called_off = db.close_day(&office, day, now)?;
            println!("{office} closed on {day}: {called_off} appointment(s) called off");
        }
        AdminAction::Feedback { limit } => {
            use rathaus_server::staff_text::escape as escaped;
            for report in db.recent_feedback(limit)? {
                println!(
                    "{}  {}  {}",
                    report.reference,
                    report.received_at.to_rfc3339(),
                    report.locale.code()
                );
                println!("  page:    {}", escaped(&report.page));
                if !report.contact.is_empty() {
                    println!("  contact: {}", escaped(&report.contact));
                }
                println!("  report:  {}", escaped(&report.description));
            }
        }
    }
    Ok(())
}

/// `day` read, and `office` one that `catalogue`'s appointments.json books at.
fn booking_day(
    office: &str,
    day: &str,
    catalogue: &std::path::Path,
) -> Result<rathaus_core::date::Date, String> {
    let file = catalogue.join("appointments.json");
    let offices =
        rathaus_server::appointments::Bookings::offices_in(&file).map_err(|p| p.to_string())?;
    if !offices.iter().any(|o| o == office) {
        return Err(format!(
            "'{office}' gives no appointments (offices in {}: {})",
            file.display(),
            offices.join(", ")
        ));
    }
    rathaus_core::date::Date::parse_iso(day)
        .ok_or_else(|| format!("'{day}' is not a day (write it as 2026-12-14)"))
}

fn status_name(status: rathaus_core::api::AppointmentStatus) -> &'static str {
    use rathaus_core::api::AppointmentStatus::*;
    match status {
        Booked => "booked",
        Cancelled => "cancelled",
        CalledOff => "called_off",
    }
}
