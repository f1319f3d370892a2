//! Every integration test in one binary: one link instead of seventeen (the test build was a quarter of a
//! cold run). Each module is one area of the product, against a real PostgreSQL (a fresh database per test).

mod common;

mod accounts;
mod api;
mod back_office;
mod catalogue;
mod contact;
mod data_model;
mod events;
mod mail;
mod media_s3;
mod moderation;
mod notification_centre;
mod notifications;
mod pages;
mod privacy;
mod profile_search;
mod registration;
mod resilience;
mod tickets_lifecycle;
mod webhooks;
