mod card;
mod detail;
mod list;

pub use card::EventCardView;
pub use detail::EventPage;
pub use list::EventListPage;
