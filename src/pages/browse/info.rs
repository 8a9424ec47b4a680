//! A service of the catalogue that this app has no wizard for: what it is, how it is
//! done (online elsewhere, or in person with what to bring), the fee, and the offices
//! where it is done: address, opening hours (today first), contact, getting there,
//! accessibility and appointments.

use leptos::prelude::*;
use rathaus_core::catalogue::Channel;
use rathaus_core::offices::{Office, Weekday};

use crate::catalogue::with_catalogue;
use crate::components::search_box::channel_label;
use crate::i18n::{fill, use_i18n, I18n, Key};
use crate::page::use_document_title;
use crate::router::urls;

#[component]
pub fn InfoPage(id: String) -> impl IntoView {
    with_catalogue(move |catalogue| {
        let i18n = use_i18n();
        let Some(entry) = catalogue.service(&id).cloned() else {
            return view! { <crate::pages::NotFoundPage /> }.into_any();
        };
        let name = i18n.text(&entry.name);
        use_document_title(name.clone(), false.into());
        let how = match (entry.channel, &entry.wizard, &entry.url) {
            (Channel::Wizard, Some(wizard), _) => view! {
                <p><a class="button" href=urls::start(wizard)>{i18n.t(Key::ApplyOnline)}</a></p>
            }
            .into_any(),
            (Channel::Online, _, Some(url)) => view! {
                <p><a class="button" href=url.clone() rel="external noopener">{i18n.t(Key::GoOnline)}</a></p>
                <p class="hint">{i18n.t(Key::GoOnlineNote)}</p>
            }
            .into_any(),
            _ => {
                let bring = entry
                    .bring
                    .iter()
                    .map(|b| view! { <li lang=i18n.lang_of(b)>{i18n.text(b)}</li> })
                    .collect_view();
                view! {
                    <p>{i18n.t(Key::InPersonText)}</p>
                    {(!entry.bring.is_empty()).then(|| view! {
                        <h3 class="heading-s">{i18n.t(Key::Bring)}</h3>
                        <ul class="list list--bullet">{bring}</ul>
                    })}
                }
                .into_any()
            }
        };
        let topics = entry
            .life_situations
            .iter()
            .filter_map(|l| catalogue.life_situations.iter().find(|t| &t.id == l))
            .map(|t| view! { <li><a href=format!("/life/{}", t.id) lang=i18n.lang_of(&t.name)>{i18n.text(&t.name)}</a></li> })
            .collect_view();
        let offices: Vec<&Office> = entry
            .offices
            .iter()
            .filter_map(|o| catalogue.office(o))
            .collect();
        let today = Weekday::of(crate::page::today());
        let offices = (!offices.is_empty()).then(|| {
            let heading = if entry.channel == Channel::InPerson {
                Key::OfficesWhere
            } else {
                Key::OfficesHelp
            };
            view! {
                <h2 class="heading-m">{i18n.t(heading)}</h2>
                {offices.into_iter().map(|o| office_view(o, today, i18n)).collect_view()}
            }
        });
        view! {
            <p class="no-print"><a href="/">{i18n.t(Key::BackToOverview)}</a></p>
            <h1 class="heading-xl" lang=i18n.lang_of(&entry.name)>{name}</h1>
            <p class="lead" lang=i18n.lang_of(&entry.summary)>{i18n.text(&entry.summary)}</p>
            <p><span class="tag">{i18n.t(channel_label(entry.channel))}</span></p>
            <h2 class="heading-m">{i18n.t(Key::HowTo)}</h2>
            {how}
            {offices}
            <dl class="facts">
                <div class="facts__row">
                    <dt>{i18n.t(Key::FeeLabel)}</dt>
                    <dd lang=i18n.lang_of(&entry.fee)>{i18n.text(&entry.fee)}</dd>
                </div>
                <div class="facts__row">
                    <dt>{i18n.t(Key::Responsible)}</dt>
                    <dd lang=i18n.lang_of(&entry.office)>{i18n.text(&entry.office)}</dd>
                </div>
            </dl>
            <h2 class="heading-m">{i18n.t(Key::LifeSituations)}</h2>
            <ul class="list list--bullet">{topics}</ul>
        }
        .into_any()
    })
}

/// One office: name, address, the week's hours from today on, contact, getting there,
/// accessibility and how appointments are made.
fn office_view(office: &Office, today: Weekday, i18n: I18n) -> impl IntoView {
    let locale = i18n.locale();
    let heading_id = format!("office-{}", office.id);
    let labelled_by = heading_id.clone();
    let rows = office
        .week(today, locale)
        .into_iter()
        .map(|d| {
            let day = d.day.label(locale);
            let day = if d.today {
                fill(i18n.t(Key::TodayIs), &[("day", day)])
            } else {
                day.to_owned()
            };
            let hours = d.hours.unwrap_or_else(|| i18n.t(Key::Closed).to_owned());
            view! {
                <tr class:hours__today=d.today>
                    <th scope="row">{day}</th>
                    <td>{hours}</td>
                </tr>
            }
        })
        .collect_view();
    let yes_no = |b: bool| i18n.t(if b { Key::Yes } else { Key::No });
    let access = [
        (Key::StepFree, office.access.step_free),
        (Key::HearingLoop, office.access.hearing_loop),
        (Key::AccessibleToilet, office.access.accessible_toilet),
    ]
    .into_iter()
    .map(|(what, has)| view! { <li>{i18n.t(what)}": "{yes_no(has)}</li> })
    .collect_view();
    let appointments = match office.appointments.as_ref() {
        Some(a) => link(
            a.url.clone().unwrap_or_else(|| office.web.clone()),
            i18n.t(Key::BookAppointment).to_owned(),
            true,
        ),
        None => i18n.t(Key::WalkIn).into_any(),
    };
    let web_text = office
        .web
        .strip_prefix("https://")
        .unwrap_or(&office.web)
        .to_owned();
    let mut facts = vec![
        fact(i18n.t(Key::Appointments), appointments),
        fact(
            i18n.t(Key::Phone),
            link(office.tel_href(), office.phone.clone(), false),
        ),
        fact(
            i18n.t(Key::Email),
            link(
                format!("mailto:{}", office.email),
                office.email.clone(),
                false,
            ),
        ),
        fact(
            i18n.t(Key::Website),
            link(office.web.clone(), web_text, true),
        ),
    ];
    if let Some(t) = &office.transit {
        facts.push(fact(i18n.t(Key::Transit), i18n.text_view(t)));
    }
    let access_note = office.access.note.as_ref().map(|n| i18n.said(n));
    facts.push(fact(
        i18n.t(Key::Accessibility),
        view! {
            <ul class="office__access">{access}</ul>
            {access_note.map(|n| view! { <span class="facts__detail" lang=n.lang>{n.text}</span> })}
        }
        .into_any(),
    ));
    view! {
        <section class="office" aria-labelledby=labelled_by>
            <h3 class="heading-s" id=heading_id lang=i18n.lang_of(&office.name)>{i18n.text(&office.name)}</h3>
            <address class="office__address">
                {office.street.clone()}<br />{format!("{} {}", office.postcode, office.town)}
            </address>
            <table class="hours">
                <caption class="hours__caption">{i18n.t(Key::OpeningHours)}</caption>
                <tbody>{rows}</tbody>
            </table>
            {office.hours_note.as_ref().map(|n| view! { <p class="hint" lang=i18n.lang_of(n)>{i18n.text(n)}</p> })}
            <dl class="office__facts">{facts}</dl>
        </section>
    }
}

/// One row of an office's facts. One view type for every row (and one for every link)
/// keeps the catalogue's module small: each distinct view costs code.
fn fact(label: &'static str, value: AnyView) -> AnyView {
    view! { <div class="facts__row"><dt>{label}</dt><dd>{value}</dd></div> }.into_any()
}

fn link(href: String, text: String, external: bool) -> AnyView {
    view! { <a href=href rel=external.then_some("external noopener")>{text}</a> }.into_any()
}
