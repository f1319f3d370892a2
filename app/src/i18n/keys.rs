//! The list of every translatable message. Add a key here, then in `fr.rs` and `en.rs`.

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

macro_rules! message_keys {
    ($($key:ident),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MessageKey { $($key),* }

        impl MessageKey {
            pub const ALL: &'static [MessageKey] = &[$(MessageKey::$key),*];
            const NAMES: &'static [&'static str] = &[$(stringify!($key)),*];
        }
    };
}

/// On the wire a key is its name ("FieldRequired"), as serde's derive would write it. Written by hand:
/// the derived visitor matches every name in code, which cost the browser's WASM about 18 KB.
impl MessageKey {
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    pub fn from_name(name: &str) -> Option<MessageKey> {
        Self::NAMES
            .iter()
            .position(|n| *n == name)
            .map(|i| Self::ALL[i])
    }
}

impl Serialize for MessageKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for MessageKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl de::Visitor<'_> for Name {
            type Value = MessageKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a message key name")
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<MessageKey, E> {
                MessageKey::from_name(value).ok_or_else(|| E::unknown_variant(value, &[]))
            }
        }
        deserializer.deserialize_str(Name)
    }
}

message_keys! {
    BrandName, Slogan, SkipToContent, DeletionConfirmWord, DeletionConfirmLabel, FieldDisplayName, FieldBio, FieldProfileLink,
    NavHome, NavEvents, NavFaq, NavContact, NavMenu, NavMain, NavLogin, NavSignup, AccountArea,
    LangSwitchLabel, LangFr, LangEn,
    FooterLegal, FooterPrivacy, FooterTerms, FooterRights, FooterNav,
    HomeHeroTitle, HomeCtaBrowse, HomeCtaFreeFood, HomeFreeFoodTitle, HomeUpcomingTitle, HomeUpcomingEmpty, HomeSeeAll, HomeStepsTitle, HomeStepFind, HomeStepRegister, HomeStepEnjoy,
    FreeFood, FreeFoodBadgeLabel, PriceFree, PriceOnSite, Online, InPerson, Hybrid, SeatsLeft, SoldOut,
    EventsTitle, EventsLead, EventsEmpty, EventWhen, EventWhere, EventOrganizer, EventPrice, EventCategory,
    EventBackToList, EventCancelled, EventPast, EventFreeFoodOffered, EventCapacity, EventNoLimit,
    Error404Code, Error404Title, ErrorPageTitle, ErrorBackHome, ErrorRetry,
    ErrorValidation, ErrorUnauthorized, ErrorForbidden, ErrorNotFound, ErrorConflict, ErrorSoldOut,
    ErrorRateLimited, ErrorRateLimitedRetryIn, ErrorUnavailable, ErrorInternal,
    SeatsInvalid, SeatsNotEnoughLeft, RegistrationConsentRequired, TicketTitle, TicketAttendee, TicketValid, TicketUsed, TicketCancelled, TicketShowAtDoor, TicketCode, TicketQrLabel, TicketUsedAt, RegisterHeading, RegisterSubmit, RegisterOneTap, RegisterSignedInAs, RegisterSeats, RegisterConsent, RegisterGuestLead, RegisterHoneypot,
    FieldRequired, FieldTooShort, FieldTooLong, FieldEmailInvalid, FieldEmail, FieldControlChars,
    ContactTitle, ContactName, ContactSubject, ContactMessage, ContactSend, ContactSending,
    ContactErrorSummary, ContactMessageHint,
    FaqTitle, LoginTitle, LoginSubmit, LoginRemember, LoginInvalid, LoginSuspended, FieldPassword, NavLogout,
    NotificationsTitle, NotificationsEmpty, NotificationsMarkAll, NotificationsMarkRead, NotificationsUnread,
    NotificationsBell, NotificationsNewer, NotificationsOlder, NotificationsPreferences,
    PreferencesTitle, PreferencesLead, PreferencesType, PreferencesEmail, PreferencesInApp, PreferencesSave,
    PreferencesSaved, PreferencesAlwaysEmail,
    NoticeReminder, NoticeChanged, NoticeCancelled, NoticeConfirmed, NoticeOffer, NoticeApproved,
    NoticeRejected, NoticeChangesRequested, NoticeReport,
    UnsubscribeTitle, UnsubscribeLead, UnsubscribeButton, UnsubscribeDone, KindRegistrationConfirmed, KindEventReminder, KindEventChanged, KindEventCancelled, KindWaitlistOffer,
    KindModerationDecision, KindReportUpdate,
    AccountNotificationsTab, AccountProfileTab, AccountSecurityTab, AccountTitle, CheckEmailTitle, DateInvalid, DateMustBeFuture, EmailChangeSent, EmailChangeSubmit, EmailChanged, EmailCurrent, EmailHeading, EmailPending, EmailSameAsCurrent, EmailTaken, ErrorEmailUnverified, ErrorTwoFactorRequired, FieldCurrentPassword, FieldEmailAscii, FieldFullName, FieldLanguage, FieldNewEmail, FieldNewPassword, FieldPhone, FieldPhoneHint, ForgotTitle, ForgotSubmit, FormErrorSummary, LinkExpired, LoginAfterReset, LoginAfterVerify, LoginForgot, LoginNoAccount, PasswordChangeSubmit, PasswordChanged, PasswordCommon, PasswordCurrentWrong, PasswordDates, PasswordHeading, PasswordHint, PasswordKeyboard, PasswordMeterEmpty, PasswordMeterGood, PasswordMeterLabel, PasswordMeterStrong, PasswordMeterWeak, PasswordRepeats, PasswordSequence, PasswordSimilarCommon, PasswordTooShort, PasswordTooWeak, PasswordWord, PhoneInvalid, ProfileHeading, ProfileSave, ProfileSaved, RecoveryCodesTitle, RecoveryCodesLead, RecoveryCodesLeft, RecoveryCodesRegenerate, ResetTitle, ResetSignsOut, ResetSubmit, SecurityTitle, SessionIp, SessionLastSeen, SessionRevoke, SessionRevoked, SessionSignedIn, SessionThisDevice, SessionsHeading, SessionsSignOutAll, SignupTitle, SignupHaveAccount, SignupSubmit, SuspendedReason, SuspendedUntil, SuspendedContact, TermsAccept, TermsRequired, TwoFactorCode, TwoFactorCodeFormat, TwoFactorCodeHint, TwoFactorCodeWrong, TwoFactorConfirm, TwoFactorDisable, TwoFactorDisabled, TwoFactorEnable, TwoFactorEnterCode, TwoFactorExpired, TwoFactorHeading, TwoFactorLoginTitle, TwoFactorManual, TwoFactorOffLead, TwoFactorOn, TwoFactorQrLabel, TwoFactorRequiredForStaff, TwoFactorScan, TwoFactorStartOver, TwoFactorVerify, VerifyLead, VerifyResend, VerifyResent, VerifySubmit, VerifyTitle,
    CalendarGoogle, CalendarIcs, CalendarOutlook, CancelEventTitle, CancelEventMessage, CancelEventSubmit, CapacityBelowTaken, CapacityInvalid, CategoryRequired, CoordinateInvalid, DeadlineAfterEnd, DietGlutenFree, DietHalal, DietKosher, DietLactoseFree, DietVegan, DietVegetarian, EditorDraftRestored, EditorDraftSaved, EditorDraftSaving, EditorEdit, EditorEditTitle, EditorEssentials, EditorMapHint, EditorMapLabel, EditorNewTitle, EditorPreviewLabel, EditorSave, EditorSharing, EditorTickets, EditorWhen, EditorWhere, EndBeforeStart, EventDirections, EventFieldAddress, EventFieldCapacity, EventFieldCapacityHint, EventFieldCategoryChoose, EventFieldCity, EventFieldDeadline, EventFieldDescription, EventFieldDescriptionHint, EventFieldDietary, EventFieldEnds, EventFieldFreeFood, EventFieldFreeFoodHint, EventFieldLatitude, EventFieldLongitude, EventFieldMode, EventFieldNotify, EventFieldOnlineUrl, EventFieldOnlineUrlHint, EventFieldPostalCode, EventFieldPrice, EventFieldPriceHint, EventFieldReminders, EventFieldStarts, EventFieldSummary, EventFieldSummaryHint, EventFieldTimeZone, EventFieldTitle, EventFieldVenue, EventFieldVisibility, EventFieldWaitlist, EventFull, EventFullWaitlist, EventOnlineLinkLater, EventRegistrationClosed, EventTooLong, FreeFoodDetailsRequired, LinkInvalid, LinkMustBeHttps, MyEventsCreate, MyEventsEmpty, MyEventsRegistered, MyEventsTitle, NotifyDaily, NotifyEach, NotifyNone, PostalCodeInvalid, PreviewBannerLabel, PreviewCancelled, PreviewCancelledLead, PreviewDraftLead, PreviewPendingLead, PreviewPublicPage, PreviewPublishedLead, PreviewRejectedLead, PreviewSaved, PreviewSubmit, PreviewSubmitted, PriceInvalid, PriceTooHigh, ReminderDay, ReminderDayAndHours, ReminderHours, ReminderNone, ReminderWeekAndDay, ShareCopied, ShareEvent, StatusCancelled, StatusDraft, StatusPending, StatusPublished, StatusRejected, TimeZoneInvalid, VisibilityPublic, VisibilityUnlisted,
    ImageAltRequired, ImageCorrupt, ImageDelete, ImageFieldAlt, ImageFieldAltHint, ImageFieldFile, ImageFieldFileHint, ImageFieldKind, ImageKindCover, ImageKindFlyer, ImageMissing, ImageTooLarge, ImageTooSmall, ImageType, ImageUpload, ImagesTitle, PreviewImageRemoved, PreviewImageSaved,
    EventMapLabel,
    NavOrganize,
    EditorGeocodeFound, EditorGeocodeNotFound,
    CatalogueAnyCategory, CatalogueAnyDate, CatalogueAnyMode, CatalogueAnyPrice, CatalogueApply, CatalogueCountMany, CatalogueCountNone, CatalogueCountOne, CatalogueFreeFoodOnly, CatalogueMonth, CatalogueNext, CatalogueNoteDatesSwapped, CatalogueNoteIgnored, CatalogueNoteQueryShortened, CatalogueNoteRadiusCapped, CataloguePager, CataloguePaid, CataloguePrevious, CatalogueReset, CatalogueSearch, CatalogueSearchHint, CatalogueSort, CatalogueSortNewest, CatalogueSortSoonest, CatalogueToday, CatalogueWeek, CatalogueWeekend, CatalogueWhen,
    CatalogueSubscribe,
    CatalogueCountMoreThan, CatalogueViews, CatalogueViewGrid, CatalogueViewList, CatalogueViewMap, CatalogueNearMe, CatalogueLocating, CatalogueLocationDenied, CatalogueRadius, CatalogueClearPosition, CatalogueSortNearest, CatalogueSortPopular, CatalogueRange, CatalogueMapLabel, CatalogueSearchArea, CatalogueMapOnline, CataloguePage, CatalogueNoteNeedsScript, HomeNearTitle, HomeWeekendTitle, HomeFreeFoodPicksTitle, HomePopularTitle, OrganizerUpcoming, OrganizerPast, OrganizerNoUpcoming, OrganizerLead, OrganizerEventsCount,
    EventFieldMaxSeats, EventFieldMaxSeatsHint, EventFieldCancelCutoff, EventFieldCancelCutoffHint, EventFieldOfferHours, EventFieldOfferHoursHint, EventFieldQuestions, EventFieldQuestionsHint, NumberOutOfRange, QuestionsLabelInvalid, QuestionsChoicesInvalid, QuestionsTooMany, AnswerNotAChoice,
    StateRegistered, StateWaitlisted, StateOffered, StateCancelled, ManageCancelTooLate, ManageCancelUsed, ManageTitle, ManageSeats, ManagePosition, ManageCancelUntil, ManageCancel, ManageLeaveWaitlist, OfferTitle, OfferLead, OfferAccept, OfferExpired, OfferGone, RegisterWaitlistHeading, RegisterWaitlistLead, RegisterWaitlistSubmit, RegisterAttendees, RegisterAttendee, RegisterAlreadyWaitlisted, ResentTitle, WaitlistedTitle,
    EventTitleLabel, TicketStatusLabel, CheckinAdmitted, CheckinAlreadyUsed, CheckinOtherEvent, CheckinCancelledTicket, CheckinUnknown, CheckinTitle, CheckinOffline, CheckinOnline, CheckinQueued, CheckinSynced, CheckinConflict, CheckinManualAdmit, CheckinNoMatch, CheckinCounted, CheckinStartCamera, CheckinStopCamera, CheckinSearchLabel, CheckinTeam, CheckinInvitePending, CheckinInviteLabel, CheckinInvite, InviteTooMany, InvitationTitle, InvitationLead, InvitationAccept, InvitationClosed, ParticipantsTitle, ParticipantsAll, ParticipantsCheckedIn, ParticipantsSearch, ParticipantsCount, ParticipantsCsv, ParticipantsCsvExcel, ParticipantsPdf, ParticipantsRegisteredAt, ParticipantsEmpty, ParticipantsMessageTitle, ParticipantsMessageLead, ParticipantsMessageSend, ParticipantsMessageSent, MessageLimitReached, ApiTokenLimitReached, WebhookLimitReached, TicketPrint, TicketPdf, WalletTitle, WalletAccount, WalletDevice, WalletEmpty,
    LegalTitle, PrivacyTitle, TermsTitle, ReportReasonSpam, ReportReasonFraud, ReportReasonInappropriate, ReportReasonMisleadingFood, ReportReasonWrongInformation, ReportReasonOther, ReportDetailsTooLong, ReportDetailsNeeded, ReportTitle, ReportLead, ReportReasonLabel, ReportDetailsLabel, ReportEmailLabel, ReportSubmit, ReportSent, StatusChangesRequested, PreviewChangesLead, PreviewPublishedAtOnce, ModerationReasonLabel, SlugInvalid, SlugTaken,
}

#[cfg(test)]
mod tests {
    use super::MessageKey;

    #[test]
    fn keys_travel_as_their_names() {
        for key in MessageKey::ALL {
            let json = serde_json::to_string(key).expect("serialise");
            assert_eq!(json, format!("\"{key:?}\""));
            assert_eq!(
                serde_json::from_str::<MessageKey>(&json).expect("back"),
                *key
            );
        }
        assert!(serde_json::from_str::<MessageKey>("\"NoSuchKey\"").is_err());
    }
}
