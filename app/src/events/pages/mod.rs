mod card;
pub(crate) mod detail;
mod list;
pub mod organizer;

pub use card::EventCardView;
pub use detail::EventPage;
pub use list::EventListPage;
