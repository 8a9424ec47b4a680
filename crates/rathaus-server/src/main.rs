//! `rathaus-server`: the reference backend. See `rathaus-server --help`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rathaus_server::{catalogue, Config};

// The binary's own commands, beside the library's modules in src/.
#[path = "cli/admin.rs"]
mod admin;
#[path = "cli/translations.rs"]
mod translations;

use admin::{admin, AdminAction};
use translations::{translations_command, TranslationAction};

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
