mod card;
pub(crate) mod detail;
pub mod organizer;

pub use card::EventCardView;
pub use detail::EventPage;
