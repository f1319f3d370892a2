//! `/admin/users` (search, filters) and `/admin/users/{id}` (profile, activity, role, trust,
//! suspension, deletion).

use leptos::prelude::*;

use super::{
    Pager, StaffPage, action_notice, audit::AuditTable, events::EventTable, query, record_page,
    staff_view,
};
use crate::{
    accounts::api::{AdminReinstateUser, AdminSetRole, AdminSuspendUser},
    admin::{
        api::{AdminDeleteUser, AdminRestoreUser, AdminSetTrusted, admin_user, admin_users},
        model::{UserDetail, UserFilter, UserRow},
    },
    i18n::{Locale, use_locale},
    moderation::pages::ActionTable,
    ui::form::action_error,
};

pub fn role_label(role: &str, locale: Locale) -> &'static str {
    match role {
        "admin" => locale.pick("Admin", "Admin"),
        "moderator" => locale.pick("Modérateur", "Moderator"),
        _ => locale.pick("Membre", "Member"),
    }
}

pub fn state_label(state: &str, locale: Locale) -> &'static str {
    match state {
        "suspended" => locale.pick("Suspendu", "Suspended"),
        "deleted" => locale.pick("Supprimé", "Deleted"),
        _ => locale.pick("Actif", "Active"),
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let locale = use_locale();
    let p = move |fr, en| locale.pick(fr, en);
    let filter = UserFilter::from_query(&|name| query(name));
    let (q, role, state, page) = (
        filter.q.clone().unwrap_or_default(),
        filter.role.clone().unwrap_or_default(),
        filter.state.clone().unwrap_or_default(),
        filter.page,
    );
    let rows = Resource::new(move || filter.clone(), admin_users);
    view! {
        <StaffPage path="/admin/users">
            <form method="get" action="/admin/users" class="filters" role="search">
                <div class="field"><label for="f-q">{p("Nom ou e-mail", "Name or email")}</label>
                    <input id="f-q" name="q" type="search" value=q /></div>
                <div class="field"><label for="f-role">{p("Rôle", "Role")}</label>
                    <select id="f-role" name="role">
                        <option value="">{p("Tous", "All")}</option>
                        {["user", "moderator", "admin"].map(|r| view! { <option value=r selected=role == r>{role_label(r, locale)}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="f-state">{p("État", "State")}</label>
                    <select id="f-state" name="state">
                        <option value="">{p("Tous", "All")}</option>
                        {["active", "suspended", "deleted"].map(|s| view! { <option value=s selected=state == s>{state_label(s, locale)}</option> }).collect_view()}
                    </select></div>
                <button type="submit" class="button button-primary">{p("Filtrer", "Filter")}</button>
            </form>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || Suspend::new(async move {
                    staff_view(rows.await, "/admin/users".into(), move |rows: Vec<UserRow>| {
                        let more = rows.len() as i64 == 50;
                        view! { <UserTable locale rows /><Pager locale page more /> }.into_any()
                    })
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn UserTable(locale: Locale, rows: Vec<UserRow>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    if rows.is_empty() {
        return view! { <p class="empty">{p("Aucun compte ne correspond.", "No account matches.")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="admin-table" data-users>
                <thead><tr>
                    <th scope="col">{p("Nom", "Name")}</th><th scope="col">{p("E-mail", "Email")}</th>
                    <th scope="col">{p("Rôle", "Role")}</th><th scope="col">{p("État", "State")}</th>
                    <th scope="col">{p("Événements", "Events")}</th><th scope="col">{p("Inscriptions", "Registrations")}</th>
                    <th scope="col">{p("Inscrit le", "Joined")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|u| view! {
                        <tr>
                            <td><a href=format!("/admin/users/{}", u.id)>{u.name}</a></td>
                            <td>{u.email}</td>
                            <td>{role_label(&u.role, locale)}</td>
                            <td class=format!("state-{}", u.state)>{state_label(&u.state, locale)}</td>
                            <td>{u.events}</td><td>{u.registrations}</td>
                            <td>{u.joined_label}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}

#[component]
pub fn UserPage() -> impl IntoView {
    record_page("/admin/users", "/admin/users", admin_user, |locale, d| {
        view! { <UserBody locale d done=query("done") /> }.into_any()
    })
}

#[component]
fn UserBody(locale: Locale, d: UserDetail, done: Option<String>) -> impl IntoView {
    let p = move |fr, en| locale.pick(fr, en);
    let id = d.row.id;
    let set_role = ServerAction::<AdminSetRole>::new();
    let suspend = ServerAction::<AdminSuspendUser>::new();
    let reinstate = ServerAction::<AdminReinstateUser>::new();
    let trusted = ServerAction::<AdminSetTrusted>::new();
    let delete = ServerAction::<AdminDeleteUser>::new();
    let restore = ServerAction::<AdminRestoreUser>::new();
    let error = [
        action_error(set_role).get_untracked(),
        action_error(suspend).get_untracked(),
        action_error(reinstate).get_untracked(),
        action_error(trusted).get_untracked(),
        action_error(delete).get_untracked(),
        action_error(restore).get_untracked(),
    ]
    .into_iter()
    .flatten()
    .next();
    let field = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.field_errors())
            .and_then(|f| f.get(name))
    };
    let (reason_error, until_error) = (field("reason"), field("until"));
    let state = d.row.state.clone();
    let role = d.row.role.clone();
    view! {
        {action_notice(locale, error.clone(), done.as_deref())}
        <section class="review-card" data-user=id>
            <h2>{d.row.name.clone()}</h2>
            <p>{d.row.email.clone()} " · " {role_label(&d.row.role, locale)} " · "
                <strong class=format!("state-{}", d.row.state) data-state=d.row.state.clone()>{state_label(&d.row.state, locale)}</strong></p>
            <ul class="facts-inline">
                <li>{p("Inscrit le", "Joined")} " " {d.row.joined_label.clone()}</li>
                <li>{if d.email_verified { p("adresse confirmée", "address confirmed") } else { p("adresse non confirmée", "address not confirmed") }}</li>
                <li>{if d.two_factor { p("double authentification active", "two-factor on") } else { p("sans double authentification", "no two-factor") }}</li>
                {d.trusted.then(|| view! { <li>{p("organisateur de confiance", "trusted organizer")}</li> })}
            </ul>
            {d.suspension_reason.clone().map(|reason| view! {
                <p class="notice notice-warning">{p("Suspendu :", "Suspended:")} " " {reason}
                    {d.suspended_until.clone().map(|until| format!(" ({} {until})", p("jusqu’au", "until")))}</p>
            })}
        </section>
        {(state != "deleted").then(|| view! {
            <section class="admin-actions">
                <ActionForm action=set_role attr:class="form inline-fields">
                    <input type="hidden" name="user_id" value=id.to_string() />
                    <div class="field"><label for="f-role">{p("Rôle", "Role")}</label>
                        <select id="f-role" name="role">
                            {["user", "moderator", "admin"].map(|r| view! { <option value=r selected=role == r>{role_label(r, locale)}</option> }).collect_view()}
                        </select></div>
                    <button type="submit" class="button button-ghost">{p("Changer le rôle", "Change the role")}</button>
                </ActionForm>
                <ActionForm action=trusted attr:class="inline-form">
                    <input type="hidden" name="user_id" value=id.to_string() />
                    <input type="hidden" name="trusted" value=(!d.trusted).to_string() />
                    <button type="submit" class="button button-ghost">{if d.trusted {
                        p("Retirer la confiance", "Stop trusting")
                    } else {
                        p("Marquer comme organisateur de confiance", "Mark as trusted organizer")
                    }}</button>
                </ActionForm>
                {if state == "suspended" {
                    view! {
                        <ActionForm action=reinstate attr:class="inline-form">
                            <input type="hidden" name="user_id" value=id.to_string() />
                            <button type="submit" class="button button-success">{p("Lever la suspension", "Lift the suspension")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! {
                        <details>
                            <summary>{p("Suspendre ce compte…", "Suspend this account…")}</summary>
                            <ActionForm action=suspend attr:class="form">
                                <input type="hidden" name="user_id" value=id.to_string() />
                                <div class="field" class:field-invalid=reason_error.is_some()>
                                    <label for="f-suspend-reason">{p("Motif (montré à la connexion)", "Reason (shown when signing in)")}</label>
                                    <textarea id="f-suspend-reason" name="reason" rows="3" maxlength="1000" aria-describedby="f-suspend-reason-error"></textarea>
                                    <p class="field-error" id="f-suspend-reason-error">{reason_error.map(|k| locale.t(k))}</p>
                                </div>
                                <div class="field" class:field-invalid=until_error.is_some()>
                                    <label for="f-suspend-until">{p("Jusqu’au (vide : sans date de fin)", "Until (empty: no end date)")}</label>
                                    <input id="f-suspend-until" name="until" type="date" aria-describedby="f-suspend-until-error" />
                                    <p class="field-error" id="f-suspend-until-error">{until_error.map(|k| locale.t(k))}</p>
                                </div>
                                <button type="submit" class="button button-danger">{p("Suspendre", "Suspend")}</button>
                            </ActionForm>
                        </details>
                    }.into_any()
                }}
                <details>
                    <summary>{p("Supprimer ce compte…", "Delete this account…")}</summary>
                    <ActionForm action=delete attr:class="form">
                        <input type="hidden" name="user_id" value=id.to_string() />
                        <div class="field">
                            <label for="f-delete-reason">{p("Motif", "Reason")}</label>
                            <textarea id="f-delete-reason" name="reason" rows="2" maxlength="2000"></textarea>
                        </div>
                        <button type="submit" class="button button-danger">{p("Supprimer (restaurable)", "Delete (can be restored)")}</button>
                    </ActionForm>
                </details>
            </section>
        })}
        {(state == "deleted").then(|| view! {
            <ActionForm action=restore attr:class="inline-form">
                <input type="hidden" name="user_id" value=id.to_string() />
                <button type="submit" class="button button-success">{p("Restaurer ce compte", "Restore this account")}</button>
            </ActionForm>
        })}
        <h2>{p("Événements organisés", "Events organized")}</h2>
        <EventTable locale rows=d.events />
        <h2>{p("Inscriptions", "Registrations")}</h2>
        {if d.registrations.is_empty() {
            view! { <p class="empty">{p("Aucune inscription.", "No registrations.")}</p> }.into_any()
        } else {
            view! {
                <ul class="plain-list">
                    {d.registrations.into_iter().map(|(event, title, status, when)| view! {
                        <li><a href=format!("/admin/events/{event}")>{title}</a> " · " {status} " · " {when}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{p("Historique de modération", "Moderation history")}</h2>
        <ActionTable locale lines=d.moderation with_event=true />
        <h2>{p("Activité", "Activity")}</h2>
        <AuditTable locale lines=d.activity />
    }
}
