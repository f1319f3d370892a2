//! Organizer tools: the list of one's events, the event form, the preview with its actions.

mod editor;
mod list;
mod preview;

pub use editor::{EditEventPage, NewEventPage};
pub use list::MyEventsPage;
pub use preview::EventPreviewPage;
