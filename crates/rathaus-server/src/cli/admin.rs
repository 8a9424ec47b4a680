//! `rathaus-server admin`: the office's part, on the database while the server runs.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum AdminAction {
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

pub fn admin(
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
