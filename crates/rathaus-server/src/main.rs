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
    Serve(Config),
    /// Check a folder of service definitions and report every problem.
    CheckServices {
        #[arg(default_value = "services")]
        dir: std::path::PathBuf,
    },
    /// Print the JSON Schema of service definitions (checked in as
    /// docs/service-definition.schema.json).
    DefinitionSchema,
}

fn main() -> ExitCode {
    rathaus_server::init_logging();
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve(cli.serve));
    match command {
        Command::Serve(config) => {
            let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
            match runtime.block_on(rathaus_server::serve(config)) {
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
        Command::CheckServices { dir } => match catalogue::Catalogue::load(&dir) {
            Ok(catalogue) => {
                println!(
                    "{}: {} service definitions, no problems",
                    dir.display(),
                    catalogue.len()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
    }
}
