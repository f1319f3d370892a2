//! `/organizer/events/new` and `/organizer/events/{id}/edit`: the event form. Server-rendered and sent
//! as a plain form without WASM; `LiveForm` checks each field as it is typed with the model's rules,
//! keeps a draft on the server as the organizer types and previews the description.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    accounts::pages::login_redirect,
    error::AppError,
    events::{
        api::{EventFormData, SaveEvent, load_event_form},
        model::form::{DIETARY_TAGS, EventForm, REMINDERS, TIME_ZONES},
    },
    i18n::{Locale, MessageKey, use_locale},
    ui::{
        error_view::ErrorPanel,
        form::{
            CheckboxField, LiveField, RadioGroup, SelectField, TextField, action_error,
            form_summary,
        },
        live_form::LiveForm,
        map::{LeafletAssets, geocoder_url, tile_template},
    },
};

#[component]
pub fn NewEventPage() -> impl IntoView {
    view! { <EditorPage event=None /> }
}

#[component]
pub fn EditEventPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    match id {
        Some(id) => view! { <EditorPage event=Some(id) /> }.into_any(),
        None => view! { <ErrorPanel error=AppError::NotFound /> }.into_any(),
    }
}

#[component]
fn EditorPage(event: Option<i64>) -> impl IntoView {
    let locale = use_locale();
    let data = Resource::new(move || event, load_event_form);
    let here = match event {
        Some(id) => format!("/organizer/events/{id}/edit"),
        None => "/organizer/events/new".to_owned(),
    };
    let title = if event.is_some() {
        MessageKey::EditorEditTitle
    } else {
        MessageKey::EditorNewTitle
    };
    view! {
        <Title text=format!("{} · Meetral", locale.t(title)) />
        <section class="container page editor-page">
            <p><a href="/organizer/events">"← " {locale.t(MessageKey::MyEventsTitle)}</a></p>
            <h1>{locale.t(title)}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-hidden="true"></div> }>
                {move || {
                    let here = here.clone();
                    Suspend::new(async move {
                        match data.await {
                            Err(AppError::Unauthorized) => login_redirect(here).into_any(),
                            Err(error) => view! { <ErrorPanel error /> }.into_any(),
                            Ok(data) => view! { <EventEditor locale data /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn EventEditor(locale: Locale, data: EventFormData) -> impl IntoView {
    let action = ServerAction::<SaveEvent>::new();
    let server_error = action_error(action);
    let form = data.form;
    let text = |name: &'static str| {
        let field = LiveField::default();
        field.value.set(form.get(name).to_owned());
        (field.value, field.server_message(server_error, name))
    };
    let error = move |name: &'static str| LiveField::default().server_message(server_error, name);
    let summary = form_summary(
        locale,
        server_error.get_untracked(),
        Some(MessageKey::FormErrorSummary),
    );
    let t = move |key| locale.t(key);
    let (title, title_error) = text("title");
    let (summary_value, summary_error) = text("summary");
    let (description, description_error) = text("description");
    let (starts_at, starts_error) = text("starts_at");
    let (ends_at, ends_error) = text("ends_at");
    let (venue, venue_error) = text("venue_name");
    let (address, address_error) = text("address_line");
    let (postal, postal_error) = text("postal_code");
    let (city, city_error) = text("city");
    let (latitude, latitude_error) = text("latitude");
    let (longitude, longitude_error) = text("longitude");
    let (online_url, online_error) = text("online_url");
    let (price, price_error) = text("price");
    let (capacity, capacity_error) = text("capacity");
    let (deadline, deadline_error) = text("registration_deadline");
    let (food, food_error) = text("free_food_details");
    let (max_seats, max_seats_error) = text("max_seats");
    let (cutoff, cutoff_error) = text("cancel_cutoff_hours");
    let (offer_hours, offer_hours_error) = text("offer_hours");
    let (questions, questions_error) = text("questions");
    let zones = TIME_ZONES
        .iter()
        .map(|z| ((*z).to_owned(), z.replace('_', " ")))
        .collect::<Vec<_>>();
    let reminders = REMINDERS
        .iter()
        .map(|(v, _, key)| ((*v).to_owned(), t(*key).to_owned()))
        .collect::<Vec<_>>();
    let notify = [
        ("each", MessageKey::NotifyEach),
        ("daily", MessageKey::NotifyDaily),
        ("none", MessageKey::NotifyNone),
    ]
    .into_iter()
    .map(|(v, key)| (v.to_owned(), t(key).to_owned()))
    .collect::<Vec<_>>();
    let waitlist_on = form.is_checked("waitlist");
    let free_food_on = form.is_checked("free_food");
    let diets = DIETARY_TAGS
        .iter()
        .map(|(tag, key)| (format!("diet_{tag}"), *key))
        .map(|(name, key)| (form.is_checked(&name), name, key))
        .collect::<Vec<_>>();
    let EventForm {
        event,
        category,
        time_zone,
        mode,
        visibility,
        organizer_notify,
        reminders: reminder_choice,
        ..
    } = form.clone();
    view! {
        {data.from_draft.then(|| view! { <p class="notice notice-info" role="status">{t(MessageKey::EditorDraftRestored)}</p> })}
        <LiveForm>
            <ActionForm action attr:class="form event-form" attr:novalidate=true
                attr:data-autosave="/api/fn/save_event_draft">
                <p class="notice notice-error" role="alert" data-summary hidden=summary.is_none()
                    data-validation=t(MessageKey::FormErrorSummary)>{summary.clone()}</p>
                <input type="hidden" name="event" value=event />
                <fieldset class="form-section">
                    <legend>{t(MessageKey::EditorEssentials)}</legend>
                    <TextField locale name="title" label=MessageKey::EventFieldTitle value=title error=title_error check="event:title" />
                    <TextField locale name="summary" label=MessageKey::EventFieldSummary value=summary_value error=summary_error
                        check="event:summary" hint=MessageKey::EventFieldSummaryHint />
                    <SelectField locale name="category" label=MessageKey::EventCategory options=data.categories
                        selected=category error=error("category") check="event:category"
                        placeholder=MessageKey::EventFieldCategoryChoose />
                    <TextField locale name="description" label=MessageKey::EventFieldDescription value=description
                        error=description_error check="event:description" multiline=true hint=MessageKey::EventFieldDescriptionHint />
                    <div class="markdown-preview" data-preview-of="description" aria-live="polite">
                        <p class="field-hint">{t(MessageKey::EditorPreviewLabel)}</p>
                        <div class="event-description" data-preview-body></div>
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t(MessageKey::EditorWhen)}</legend>
                    <div class="field-row">
                        <TextField locale name="starts_at" label=MessageKey::EventFieldStarts value=starts_at error=starts_error
                            input_type="datetime-local" check="event:starts_at" />
                        <TextField locale name="ends_at" label=MessageKey::EventFieldEnds value=ends_at error=ends_error
                            input_type="datetime-local" check="event:ends_at" />
                    </div>
                    <SelectField locale name="time_zone" label=MessageKey::EventFieldTimeZone options=zones
                        selected=time_zone error=error("time_zone") check="event:time_zone" />
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t(MessageKey::EditorWhere)}</legend>
                    <RadioGroup locale name="mode" legend=MessageKey::EventFieldMode selected=mode error=error("mode")
                        options=vec![("in_person", MessageKey::InPerson), ("online", MessageKey::Online), ("hybrid", MessageKey::Hybrid)] />
                    <div class="conditional" data-show-when="mode=in_person|hybrid">
                        <TextField locale name="venue_name" label=MessageKey::EventFieldVenue value=venue error=venue_error check="event:venue_name" />
                        <TextField locale name="address_line" label=MessageKey::EventFieldAddress value=address error=address_error
                            check="event:address_line" autocomplete="address-line1" />
                        <div class="field-row">
                            <TextField locale name="postal_code" label=MessageKey::EventFieldPostalCode value=postal error=postal_error
                                check="event:postal_code" autocomplete="postal-code" />
                            <TextField locale name="city" label=MessageKey::EventFieldCity value=city error=city_error
                                check="event:city" autocomplete="address-level2" />
                        </div>
                        <LeafletAssets />
                        <div class="map-picker" role="region" data-map-picker data-tiles=tile_template() data-geocoder=geocoder_url()
                            aria-label=t(MessageKey::EditorMapLabel)></div>
                        <p class="field-hint">{t(MessageKey::EditorMapHint)}</p>
                        <p class="field-hint" data-geocode-status aria-live="polite"
                            data-found=t(MessageKey::EditorGeocodeFound) data-not-found=t(MessageKey::EditorGeocodeNotFound)></p>
                        <div class="field-row">
                            <TextField locale name="latitude" label=MessageKey::EventFieldLatitude value=latitude error=latitude_error
                                check="event:latitude" input_type="text" />
                            <TextField locale name="longitude" label=MessageKey::EventFieldLongitude value=longitude error=longitude_error
                                check="event:longitude" input_type="text" />
                        </div>
                    </div>
                    <div class="conditional" data-show-when="mode=online|hybrid">
                        <TextField locale name="online_url" label=MessageKey::EventFieldOnlineUrl value=online_url error=online_error
                            input_type="url" check="event:online_url" hint=MessageKey::EventFieldOnlineUrlHint />
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t(MessageKey::EditorTickets)}</legend>
                    <div class="field-row">
                        <TextField locale name="price" label=MessageKey::EventFieldPrice value=price error=price_error
                            check="event:price" hint=MessageKey::EventFieldPriceHint />
                        <TextField locale name="capacity" label=MessageKey::EventFieldCapacity value=capacity error=capacity_error
                            check="event:capacity" hint=MessageKey::EventFieldCapacityHint />
                    </div>
                    <TextField locale name="registration_deadline" label=MessageKey::EventFieldDeadline value=deadline
                        error=deadline_error input_type="datetime-local" check="event:registration_deadline" />
                    <div class="field-row">
                        <TextField locale name="max_seats" label=MessageKey::EventFieldMaxSeats value=max_seats
                            error=max_seats_error input_type="number" check="event:max_seats" hint=MessageKey::EventFieldMaxSeatsHint />
                        <TextField locale name="cancel_cutoff_hours" label=MessageKey::EventFieldCancelCutoff value=cutoff
                            error=cutoff_error input_type="number" check="event:cancel_cutoff_hours" hint=MessageKey::EventFieldCancelCutoffHint />
                    </div>
                    <CheckboxField locale name="waitlist" label=MessageKey::EventFieldWaitlist checked=waitlist_on />
                    <div class="conditional" data-show-when="waitlist=on">
                        <TextField locale name="offer_hours" label=MessageKey::EventFieldOfferHours value=offer_hours
                            error=offer_hours_error input_type="number" check="event:offer_hours" hint=MessageKey::EventFieldOfferHoursHint />
                    </div>
                    <TextField locale name="questions" label=MessageKey::EventFieldQuestions value=questions
                        error=questions_error multiline=true check="event:questions" hint=MessageKey::EventFieldQuestionsHint />
                </fieldset>
                <fieldset class="form-section form-section-freefood">
                    <legend>{t(MessageKey::FreeFood)}</legend>
                    <CheckboxField locale name="free_food" label=MessageKey::EventFieldFreeFood checked=free_food_on
                        hint=MessageKey::EventFieldFreeFoodHint />
                    <div class="conditional" data-show-when="free_food=on">
                        <TextField locale name="free_food_details" label=MessageKey::EventFreeFoodOffered value=food
                            error=food_error check="event:free_food_details" />
                        <fieldset class="field choice-group">
                            <legend>{t(MessageKey::EventFieldDietary)}</legend>
                            <div class="choices">
                                {diets.into_iter().map(|(on, name, key)| {
                                    let id = format!("field-{name}");
                                    let label_for = id.clone();
                                    view! {
                                        <label class="choice" for=label_for>
                                            <input type="checkbox" id=id name=name checked=on />
                                            <span>{t(key)}</span>
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    </div>
                </fieldset>
                <fieldset class="form-section">
                    <legend>{t(MessageKey::EditorSharing)}</legend>
                    <RadioGroup locale name="visibility" legend=MessageKey::EventFieldVisibility selected=visibility
                        error=error("visibility")
                        options=vec![("public", MessageKey::VisibilityPublic), ("unlisted", MessageKey::VisibilityUnlisted)] />
                    <SelectField locale name="organizer_notify" label=MessageKey::EventFieldNotify options=notify
                        selected=organizer_notify error=error("organizer_notify") />
                    <SelectField locale name="reminders" label=MessageKey::EventFieldReminders options=reminders
                        selected=reminder_choice error=error("reminders") />
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{t(MessageKey::EditorSave)}</button>
                    <p class="draft-status field-hint" data-draft-status aria-live="polite"
                        data-saving=t(MessageKey::EditorDraftSaving) data-saved=t(MessageKey::EditorDraftSaved)></p>
                </div>
            </ActionForm>
        </LiveForm>
    }
}
