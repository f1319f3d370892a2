//! `/admin/categories`: the event categories and the labels (FreeFood's texts, partner labels).

use leptos::prelude::*;

use super::{StaffPage, action_notice, query, staff_view};
use crate::{
    admin::{
        api::{AdminRemoveNamed, AdminSaveNamed, admin_catalog},
        model::NamedRow,
    },
    error::AppError,
    i18n::{Locale, use_locale},
    ui::form::action_error,
};

#[component]
pub fn CatalogPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let done = query("done");
    let data = Resource::new(|| (), |_| admin_catalog());
    let save = ServerAction::<AdminSaveNamed>::new();
    let remove = ServerAction::<AdminRemoveNamed>::new();
    let error = action_error(save)
        .get_untracked()
        .or(action_error(remove).get_untracked());
    view! {
        <StaffPage path="/admin/categories">
            {action_notice(locale, error.clone(), done.as_deref())}
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let error = error.clone();
                    Suspend::new(async move {
                        staff_view(data.await, "/admin/categories".into(), move |(categories, labels)| view! {
                            <h2>{p("Catégories", "Categories")}</h2>
                            <NamedList locale kind="category" rows=categories save remove />
                            <NamedForm locale kind="category" row=None save error=error.clone() />
                            <h2>{p("Labels", "Labels")}</h2>
                            <NamedList locale kind="label" rows=labels save remove />
                            <NamedForm locale kind="label" row=None save error />
                        }.into_any())
                    })
                }}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn NamedList(
    locale: Locale,
    kind: &'static str,
    rows: Vec<NamedRow>,
    save: ServerAction<AdminSaveNamed>,
    remove: ServerAction<AdminRemoveNamed>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    view! {
        <ul class="named-list" data-named=kind>
            {rows.into_iter().map(|row| {
                let id = row.id;
                let built_in = row.built_in;
                view! {
                    <li>
                        <details>
                            <summary><strong>{locale.pick(&row.name_fr, &row.name_en).to_owned()}</strong>
                                " · " <code>{row.slug.clone()}</code> " · " {row.uses} " " {p("utilisation(s)", "use(s)")}
                                {built_in.then(|| format!(" · {}", p("intégré", "built in")))}</summary>
                            <NamedForm locale kind row=Some(row) save error=None />
                            {(!built_in).then(|| view! {
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="kind" value=kind />
                                    <input type="hidden" name="id" value=id.to_string() />
                                    <button type="submit" class="button button-danger">{p("Retirer", "Remove")}</button>
                                </ActionForm>
                            })}
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// Create (no row) or edit a category or label.
#[component]
fn NamedForm(
    locale: Locale,
    kind: &'static str,
    row: Option<NamedRow>,
    save: ServerAction<AdminSaveNamed>,
    error: Option<AppError>,
) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let editing = row.is_some();
    let prefix = format!(
        "{kind}-{}",
        row.as_ref().map_or("new".to_owned(), |r| r.id.to_string())
    );
    let field_error = move |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.field_errors())
            .and_then(|f| f.get(name))
    };
    let value = |get: fn(&NamedRow) -> String| row.as_ref().map(get).unwrap_or_default();
    let mut fields = vec![
        (
            "slug",
            p("Identifiant (URL)", "Identifier (URL)"),
            value(|r| r.slug.clone()),
            60,
        ),
        (
            "name_fr",
            p("Nom (français)", "Name (French)"),
            value(|r| r.name_fr.clone()),
            60,
        ),
        (
            "name_en",
            p("Nom (anglais)", "Name (English)"),
            value(|r| r.name_en.clone()),
            60,
        ),
    ];
    if kind == "label" {
        fields.push((
            "description_fr",
            p("Description (français)", "Description (French)"),
            value(|r| r.description_fr.clone()),
            280,
        ));
        fields.push((
            "description_en",
            p("Description (anglais)", "Description (English)"),
            value(|r| r.description_en.clone()),
            280,
        ));
    } else {
        fields.push((
            "position",
            p("Position", "Position"),
            value(|r| r.position.to_string()),
            4,
        ));
    }
    let built_in = row.as_ref().is_some_and(|r| r.built_in);
    view! {
        <ActionForm action=save attr:class="form named-form" attr:novalidate=true>
            {(!editing).then(|| view! { <h3>{if kind == "label" { p("Nouveau label", "New label") } else { p("Nouvelle catégorie", "New category") }}</h3> })}
            <input type="hidden" name="kind" value=kind />
            {row.as_ref().map(|r| view! { <input type="hidden" name="id" value=r.id.to_string() /> })}
            {fields.into_iter().map(|(name, label, value, max)| {
                let id = format!("f-{prefix}-{name}");
                let problem = if editing { None } else { field_error(name) };
                let locked = built_in && name == "slug";
                view! {
                    <div class="field" class:field-invalid=problem.is_some()>
                        <label for=id.clone()>{label}</label>
                        <input id=id.clone() name=name value=value maxlength=max.to_string() readonly=locked
                            aria-describedby=format!("{id}-error") />
                        <p class="field-error" id=format!("{id}-error")>{problem.map(|k| locale.t(k))}</p>
                    </div>
                }
            }).collect_view()}
            <button type="submit" class="button button-primary">{if editing { p("Enregistrer", "Save") } else { p("Ajouter", "Add") }}</button>
        </ActionForm>
    }
}
