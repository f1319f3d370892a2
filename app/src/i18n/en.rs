//! English.

use super::MessageKey::{self, *};

pub fn text(key: MessageKey) -> &'static str {
    match key {
        BrandName => "Meetral",
        Slogan => "Meet. Connect. Enjoy.",
        MetaDescription => {
            "Meetral: find and publish events across France — training, networking, launches, culture. Look for the FreeFood label for events where food is on the house."
        }
        SkipToContent => "Skip to content",
        NavHome => "Home",
        NavEvents => "Events",
        NavFaq => "FAQ",
        NavContact => "Contact us",
        NavMenu => "Menu",
        NavMain => "Main navigation",
        NavLogin => "Log in",
        NavSignup => "Sign up",
        AccountArea => "Member area",
        LangSwitchLabel => "Language",
        LangFr => "FR",
        LangEn => "EN",
        FooterAbout => {
            "France’s platform for events that bring people together: publish, discover, join."
        }
        FooterLegal => "Legal notice",
        FooterPrivacy => "Privacy",
        FooterTerms => "Terms of use",
        FooterRights => "© 2026 Meetral. All rights reserved.",
        FooterNav => "Useful links",
        HomeHeroTitle => "Events that bring you closer",
        HomeHeroLead => {
            "Workshops, afterworks, launches, cultural outings: find an event near you, register in a moment, with or without an account, and get your ticket by email."
        }
        HomeCtaBrowse => "Browse events",
        HomeCtaFreeFood => "Discover FreeFood",
        HomeFreeFoodTitle => "FreeFood: food’s on us",
        HomeFreeFoodText => {
            "The FreeFood label marks events where a snack or a meal is offered. Breakfast before a workshop, a buffet after a talk: look for the green badge and come share a friendly moment."
        }
        HomeUpcomingTitle => "Upcoming events",
        HomeUpcomingEmpty => "No upcoming events yet. Check back soon!",
        HomeSeeAll => "All events",
        HomeStepsTitle => "How it works",
        HomeStepFind => "Find an event by city, date, topic or FreeFood label.",
        HomeStepRegister => "Register in seconds, even without an account.",
        HomeStepEnjoy => "Show your ticket’s QR code at the door and enjoy.",
        FreeFood => "FreeFood",
        FreeFoodBadgeLabel => "FreeFood label: food offered",
        PriceFree => "Free",
        PriceOnSite => "pay on site",
        Online => "Online",
        InPerson => "In person",
        Hybrid => "In person and online",
        SeatsLeft => "seats left",
        SoldOut => "Sold out",
        EventsTitle => "Upcoming events",
        EventsLead => "Every published event, soonest first.",
        EventsEmpty => "No upcoming events at the moment.",
        EventWhen => "When",
        EventWhere => "Where",
        EventOrganizer => "Organised by",
        EventPrice => "Price",
        EventCategory => "Category",
        EventBackToList => "Back to events",
        EventCancelled => "This event has been cancelled.",
        EventPast => "This event is over.",
        EventFreeFoodOffered => "What’s offered",
        EventCapacity => "Seats",
        EventNoLimit => "No limit",
        Error404Code => "404",
        Error404Title => "Page not found",
        Error404Text => {
            "This page does not exist or has moved. Check the address or start again from the home page."
        }
        ErrorPageTitle => "Something went wrong",
        ErrorBackHome => "Back to home",
        ErrorRetry => "Try again",
        ErrorValidation => "Some fields need your attention.",
        ErrorUnauthorized => "Please log in to continue.",
        ErrorForbidden => "You do not have access to this page.",
        ErrorNotFound => "This content could not be found.",
        ErrorConflict => "This content changed in the meantime. Please reload the page.",
        ErrorSoldOut => "This event is sold out.",
        ErrorRateLimited => "Too many attempts. Please try again in a few minutes.",
        ErrorRateLimitedRetryIn => "Too many attempts. Try again in",
        ErrorUnavailable => "The service is temporarily unavailable. Please try again in a moment.",
        ErrorInternal => "An unexpected error occurred. Please try again later.",
        FieldRequired => "This field is required.",
        FieldTooShort => "This text is too short.",
        FieldTooLong => "This text is too long.",
        FieldEmailInvalid => "Enter a valid email address, for example name@example.com.",
        FieldEmail => "Email",
        FieldControlChars => "This text contains characters that are not allowed.",
        ContactTitle => "Contact us",
        ContactLead => {
            "A question, a partnership, a problem with an event? Write to us; the team answers within two working days."
        }
        SeatsInvalid => "Choose a number of seats this event allows.",
        RegistrationConsentRequired => {
            "Agree that the organizer receives your details to register."
        }
        TicketTitle => "Your ticket",
        TicketAttendee => "Attendee",
        TicketValid => "Valid",
        TicketUsed => "Already used",
        TicketCancelled => "Cancelled",
        TicketShowAtDoor => "Show this code at the door. It reads on screen as well as on paper.",
        TicketCode => "Ticket code",
        TicketQrLabel => "Ticket QR code",
        TicketUsedAt => "Used at",
        RegisterHeading => "Register",
        RegisterSubmit => "Reserve my seat",
        RegisterOneTap => "Reserve in one tap",
        RegisterSignedInAs => "Registering as",
        RegisterSeats => "Number of seats",
        RegisterConsent => {
            "I agree that the organizer receives my name and email address for this event."
        }
        RegisterGuestLead => "No account needed: your ticket arrives by email.",
        RegisterHoneypot => "Leave this field empty",
        SeatsNotEnoughLeft => "Not enough seats are left: choose fewer.",
        ContactName => "Your name",
        ContactSubject => "Subject",
        ContactMessage => "Message",
        ContactSend => "Send",
        ContactSending => "Sending…",
        ContactSent => "Thank you! Your message has been recorded; the team will answer by email.",
        ContactErrorSummary => "The message was not sent: please fix the highlighted fields.",
        ContactMessageHint => "Between 10 and 5,000 characters.",
        FaqTitle => "Frequently asked questions",
        LoginTitle => "Sign in",
        LoginSubmit => "Sign in",
        LoginRemember => "Keep me signed in on this device",
        LoginInvalid => "Wrong email or password.",
        LoginSuspended => "This account is suspended.",
        FieldPassword => "Password",
        NavLogout => "Sign out",
        NotificationsTitle => "Notifications",
        NotificationsEmpty => "No notifications yet.",
        NotificationsMarkAll => "Mark all as read",
        NotificationsMarkRead => "Mark as read",
        NotificationsUnread => "unread",
        NotificationsBell => "Notifications",
        NotificationsNewer => "Newer",
        NotificationsOlder => "Older",
        NotificationsPreferences => "Choose my notifications",
        PreferencesTitle => "Notification preferences",
        PreferencesLead => "Choose how Meetral tells you, type by type.",
        PreferencesType => "Kind",
        PreferencesEmail => "Email",
        PreferencesInApp => "In the app",
        PreferencesSave => "Save",
        PreferencesSaved => "Preferences saved.",
        PreferencesAlwaysEmail => "always sent",
        NoticeReminder => "Reminder: coming up soon —",
        NoticeChanged => "Date or place changed —",
        NoticeCancelled => "Event cancelled —",
        NoticeConfirmed => "Registration confirmed —",
        NoticeOffer => "A seat is waiting for you —",
        NoticeApproved => "Your event is published —",
        NoticeRejected => "Your event was not published —",
        NoticeChangesRequested => "Changes requested —",
        NoticeReport => "Your report was handled —",
        UnsubscribeTitle => "Unsubscribe",
        UnsubscribeLead => "Stop receiving by email:",
        UnsubscribeButton => "Confirm unsubscribe",
        UnsubscribeDone => "Done: you will no longer receive by email",
        UnsubscribeEssential => {
            "Essential emails (tickets, cancellations, account security) are still sent."
        }
        KindRegistrationConfirmed => "Registration confirmations",
        KindEventReminder => "Reminders before an event",
        KindEventChanged => "Event changes",
        KindEventCancelled => "Event cancellations",
        KindWaitlistOffer => "Freed seats (waitlist)",
        KindModerationDecision => "Moderation decisions",
        KindReportUpdate => "Updates on my reports",
        LegalTitle => "Legal notice",
        PrivacyTitle => "Privacy and cookies",
        TermsTitle => "Terms of use",
        AccountNotificationsTab => "Notifications",
        AccountProfileTab => "Profile",
        AccountSecurityTab => "Security",
        AccountTitle => "My account",
        CheckEmailTitle => "Check your inbox",
        CheckEmailLead => {
            "We just sent an email to the address you gave. Open the link in it to confirm your address, then sign in."
        }
        CheckEmailSpam => {
            "Nothing after a few minutes? Look in your spam folder. If this address already had an account, the email explains how to sign in."
        }
        DateInvalid => "Enter a date as YYYY-MM-DD.",
        DateMustBeFuture => "Choose a date in the future.",
        EmailChangeSent => {
            "Noted: open the link sent to the new address to confirm the change. Your current address stays in use until then."
        }
        EmailChangeSubmit => "Change address",
        EmailChanged => "Your new email address is confirmed.",
        EmailCurrent => "Current address:",
        EmailHeading => "Email address",
        EmailPending => "Waiting for confirmation:",
        EmailSameAsCurrent => "This is already your current address.",
        EmailTaken => "This address is already used by another account: nothing was changed.",
        ErrorEmailUnverified => {
            "Confirm your email address first (link sent when you signed up) to publish an event."
        }
        ErrorTwoFactorRequired => {
            "Your role requires two-factor authentication: turn it on below to reach the moderation area."
        }
        FieldCurrentPassword => "Current password",
        FieldEmailAscii => {
            "Use an address without accents or special characters, for example name@example.com."
        }
        FieldFullName => "Full name",
        FieldLanguage => "Language of emails and site",
        FieldNewEmail => "New email address",
        FieldNewPassword => "New password",
        FieldPhone => "Phone (optional)",
        FieldPhoneHint => "So organisers can reach you on the day. Example: +33 6 12 34 56 78.",
        ForgotTitle => "Forgot your password",
        ForgotLead => {
            "Enter your account's address: we will send you a link, valid for 1 hour, to choose a new password."
        }
        ForgotSent => {
            "If an account exists for this address, a link was just sent to it. Remember to look in your spam folder."
        }
        ForgotSubmit => "Send me a link",
        FormErrorSummary => "Some fields need fixing: see the message under each of them.",
        LinkExpired => {
            "This link no longer works: it was already used or it expired. Ask for a new one."
        }
        LoginAfterReset => {
            "Your password was changed and all your devices were signed out. Sign in with the new one."
        }
        LoginAfterVerify => "Thank you, your email address is confirmed.",
        LoginForgot => "Forgot your password?",
        LoginNoAccount => "No account yet? Sign up",
        PasswordChangeSubmit => "Change password",
        PasswordChanged => "Password changed. Your other devices were signed out.",
        PasswordCommon => "This is one of the most common passwords: choose another one.",
        DeletionConfirmWord => "Type exactly DELETE (or SUPPRIMER).",
        DeletionConfirmLabel => "To confirm, type DELETE",
        FieldDisplayName => "Display name",
        FieldBio => "Short bio",
        FieldProfileLink => "Link (website, social network)",
        PasswordCurrentWrong => "This is not your current password.",
        PasswordDates => "Dates and years are easy to guess.",
        PasswordHeading => "Password",
        PasswordHint => {
            "At least 8 characters. A phrase of a few words is both strong and easy to remember."
        }
        PasswordKeyboard => "Keyboard patterns are easy to guess.",
        PasswordMeterEmpty => "—",
        PasswordMeterGood => "good",
        PasswordMeterLabel => "Strength:",
        PasswordMeterStrong => "excellent",
        PasswordMeterWeak => "too weak",
        PasswordRepeats => "Repeats like “aaa” or “abcabc” are easy to guess.",
        PasswordSequence => "Sequences like “abc” or “123” are easy to guess.",
        PasswordSimilarCommon => "This password is too close to a common one.",
        PasswordTooShort => "At least 8 characters.",
        PasswordTooWeak => "This password is too easy to guess: add a word or two.",
        PasswordWord => "A single word or name is easy to guess: add more.",
        PhoneInvalid => "Enter a phone number (digits, spaces and + only).",
        ProfileHeading => "Profile",
        ProfileSave => "Save",
        ProfileSaved => "Profile saved.",
        RecoveryCodesTitle => "Your recovery codes",
        RecoveryCodesLead => {
            "Write them down or print them now: they will not be shown again. Each replaces the app's code once if you lose your phone."
        }
        RecoveryCodesLeft => "Recovery codes left:",
        RecoveryCodesRegenerate => "Make new recovery codes",
        ResetTitle => "New password",
        ResetSignsOut => "Every device signed in to your account will be signed out.",
        ResetSubmit => "Save password",
        SecurityTitle => "Account security",
        SessionIp => "IP",
        SessionLastSeen => "last active",
        SessionRevoke => "Sign out",
        SessionRevoked => "The device was signed out.",
        SessionSignedIn => "signed in",
        SessionThisDevice => "this device",
        SessionsHeading => "Signed-in devices",
        SessionsSignOutAll => "Sign out everywhere",
        SignupTitle => "Create an account",
        SignupLead => "Free, in a minute: register for events in one tap and publish your own.",
        SignupHaveAccount => "Already have an account? Sign in",
        SignupSubmit => "Create my account",
        SuspendedReason => "Reason:",
        SuspendedUntil => "Suspended until:",
        SuspendedContact => "To talk about it, write to us from the contact page.",
        TermsAccept => "I accept the",
        TermsRequired => "Accept the terms of use to create an account.",
        TwoFactorCode => "Verification code",
        TwoFactorCodeFormat => "Enter the app's 6 digits, or a recovery code (10 characters).",
        TwoFactorCodeHint => {
            "The 6 digits shown by your authenticator app, or one of your recovery codes."
        }
        TwoFactorCodeWrong => "This code does not match. Check your phone's clock and try again.",
        TwoFactorConfirm => "Turn on",
        TwoFactorDisable => "Turn off two-factor authentication",
        TwoFactorDisabled => "Two-factor authentication is off.",
        TwoFactorEnable => "Turn on two-factor authentication",
        TwoFactorEnterCode => "Enter the 6-digit code the app shows.",
        TwoFactorExpired => "This step expired. Sign in again with your password.",
        TwoFactorHeading => "Two-factor authentication",
        TwoFactorLoginTitle => "Two-step verification",
        TwoFactorLoginLead => {
            "Open your authenticator app and enter the code it shows for Meetral."
        }
        TwoFactorManual => "Cannot scan? Type this key into the app:",
        TwoFactorOffLead => {
            "Protect your account with a one-time code from an app (Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis…), asked at every sign-in."
        }
        TwoFactorOn => "Two-factor authentication is on.",
        TwoFactorQrLabel => "QR code to scan with your authenticator app",
        TwoFactorRequiredForStaff => "Required for moderators and admins.",
        TwoFactorScan => "Scan this QR code with your authenticator app.",
        TwoFactorStartOver => "Start signing in again",
        TwoFactorVerify => "Verify",
        VerifyBanner => {
            "Your email address is not confirmed yet: you can register for events but not publish any yet."
        }
        VerifyLead => "Confirm this email address for your Meetral account.",
        VerifyResend => "Send the confirmation link again",
        VerifyResent => "A new link was just sent.",
        VerifySubmit => "Confirm my address",
        VerifyTitle => "Email address confirmation",

        CalendarGoogle => "Google Calendar",
        CalendarIcs => "Add to my calendar (.ics)",
        CalendarOutlook => "Outlook",
        CancelEventTitle => "Cancel the event",
        CancelEventLead => {
            "Everyone registered gets an email and a notification with your message; tickets are cancelled. This cannot be undone."
        }
        CancelEventMessage => "Message to registrants (optional)",
        CancelEventSubmit => "Cancel the event for good",
        CapacityBelowTaken => "More people are already registered than this capacity.",
        CapacityInvalid => "Enter a whole number of seats from 1 (leave empty for no limit).",
        CategoryRequired => "Choose a category.",
        CoordinateInvalid => {
            "Invalid position: place the pin on the map or give latitude and longitude together."
        }
        DeadlineAfterEnd => "Registration must close before the event ends.",
        DietGlutenFree => "Gluten-free",
        DietHalal => "Halal",
        DietKosher => "Kosher",
        DietLactoseFree => "Lactose-free",
        DietVegan => "Vegan",
        DietVegetarian => "Vegetarian",
        EditorDraftRestored => "Draft restored: you pick up where you left off.",
        EditorDraftSaved => "Draft saved.",
        EditorDraftSaving => "Saving the draft…",
        EditorEdit => "Edit",
        EditorEditTitle => "Edit the event",
        EditorEssentials => "The essentials",
        EditorMapHint => "Tap the map to place the pin on the exact spot (optional).",
        EditorMapLabel => "Map: place the venue’s pin",
        EditorNewTitle => "Create an event",
        EditorPreviewLabel => "Description preview",
        EditorSave => "Save and preview",
        EditorSharing => "Visibility and notifications",
        EditorTickets => "Registration",
        EditorWhen => "Date and time",
        EditorWhere => "Place",
        EndBeforeStart => "The end must come after the start.",
        EventDirections => "Directions",
        EventFieldAddress => "Address",
        EventFieldCapacity => "Number of seats",
        EventFieldCapacityHint => "Leave empty for no limit.",
        EventFieldCategoryChoose => "Choose…",
        EventFieldCity => "City",
        EventFieldDeadline => "Registration closes (optional)",
        EventFieldDescription => "Description",
        EventFieldDescriptionHint => "Markdown welcome: **bold**, *italic*, lists, links.",
        EventFieldDietary => "Diets catered for",
        EventFieldEnds => "End",
        EventFieldFreeFood => "Food or drinks are offered (FreeFood label)",
        EventFieldFreeFoodHint => "The FreeFood label makes your event stand out in the catalogue.",
        EventFieldLatitude => "Latitude",
        EventFieldLongitude => "Longitude",
        EventFieldMode => "Format",
        EventFieldNotify => "Tell me about registrations",
        EventFieldOnlineUrl => "Video call link",
        EventFieldOnlineUrlHint => "An https link, shown only to registered people.",
        EventFieldPostalCode => "Postal code",
        EventFieldPrice => "Price in euros",
        EventFieldPriceHint => "Leave empty if it is free. Payment happens on site.",
        EventFieldReminders => "Reminders to registrants",
        EventFieldStarts => "Start",
        EventFieldSummary => "Summary",
        EventFieldSummaryHint => {
            "One or two sentences, shown in the catalogue (at most 280 characters)."
        }
        EventFieldTimeZone => "Time zone",
        EventFieldTitle => "Title",
        EventFieldVenue => "Venue name",
        EventFieldVisibility => "Visibility",
        EventFieldWaitlist => "Waiting list when full",
        EventFull => "This event is full.",
        EventFullWaitlist => "Full — waiting list open",
        EventOnlineLinkLater => "The joining link is sent to registered people.",
        EventRegistrationClosed => "Registration is closed.",
        EventTooLong => "An event lasts at most 31 days.",
        FreeFoodDetailsRequired => "Say what is offered (for example: breakfast, buffet, drinks).",
        LinkInvalid => "This link is not a valid web address.",
        LinkMustBeHttps => "The link must start with https://",
        MyEventsCreate => "Create an event",
        MyEventsEmpty => "You are not organizing any event yet.",
        MyEventsRegistered => "registered:",
        MyEventsTitle => "My events",
        NotifyDaily => "One daily digest",
        NotifyEach => "For each registration",
        NotifyNone => "Never",
        PostalCodeInvalid => "Invalid postal code.",
        PreviewBannerLabel => "Your event",
        PreviewCancelled => "The event is cancelled; registrants have been told.",
        PreviewCancelledLead => "This event is cancelled.",
        PreviewDraftLead => {
            "This is exactly what visitors will see. Submit it when ready: the moderation team reviews it before it goes live."
        }
        PreviewPendingLead => "Waiting for moderation: you will be told the decision.",
        PreviewPublicPage => "See the public page",
        PreviewPublishedLead => "Published: visitors find it and register.",
        PreviewRejectedLead => "Rejected by moderation. Fix it, then submit it again.",
        PreviewSaved => "Event saved.",
        PreviewSubmit => "Submit for review",
        PreviewSubmitted => "Event submitted: moderation will review it.",
        PriceInvalid => "Invalid price: for example 12 or 12.50.",
        PriceTooHigh => "This price is above €100,000.",
        ReminderDay => "The day before",
        ReminderDayAndHours => "The day before and 2 hours before",
        ReminderHours => "2 hours before",
        ReminderNone => "No reminder",
        ReminderWeekAndDay => "A week before and the day before",
        ShareCopied => "Link copied",
        ShareEvent => "Share",
        StatusCancelled => "Cancelled",
        StatusDraft => "Draft",
        StatusPending => "In review",
        StatusPublished => "Published",
        StatusRejected => "Rejected",
        TimeZoneInvalid => "Choose a time zone from the list.",
        VisibilityPublic => "Public: in the catalogue",
        VisibilityUnlisted => "Unlisted: link only",

        ImageAltRequired => {
            "Describe the image in a few words (alternative text, for people who cannot see it)."
        }
        ImageCorrupt => "This file is not a readable image.",
        ImageDelete => "Remove",
        ImageFieldAlt => "Alternative text",
        ImageFieldAltHint => "What the image shows, read aloud by screen readers.",
        ImageFieldFile => "Image (JPEG, PNG or WebP, at most 10 MB)",
        ImageFieldFileHint => "Metadata (GPS position, camera) is removed.",
        ImageFieldKind => "Use",
        ImageKindCover => "Cover image",
        ImageKindFlyer => "Poster or flyer",
        ImageMissing => "Choose an image.",
        ImageTooLarge => "Image too large: at most 10 MB.",
        ImageTooSmall => "Image too small: at least 200 × 100 pixels.",
        ImageType => "Format not accepted: JPEG, PNG or WebP only.",
        ImageUpload => "Add the image",
        ImagesTitle => "Images",
        PreviewImageRemoved => "Image removed.",
        PreviewImageSaved => "Image added.",

        EventMapLabel => "Map of the venue",

        NavOrganize => "Organize",

        EditorGeocodeFound => "Address found: the pin is placed, check it on the map.",
        EditorGeocodeNotFound => "Address not found: place the pin yourself (optional).",

        CatalogueAnyCategory => "All",
        CatalogueAnyDate => "Any",
        CatalogueAnyMode => "Any",
        CatalogueAnyPrice => "Any",
        CatalogueApply => "Filter",
        CatalogueCountMany => "events",
        CatalogueCountNone => "No events",
        CatalogueCountOne => "1 event",
        CatalogueEmpty => {
            "No event matches these filters. Try another date, another city or fewer filters."
        }
        CatalogueFreeFoodOnly => "FreeFood only",
        CatalogueMonth => "This month",
        CatalogueNext => "Next",
        CatalogueNoteDatesSwapped => "The dates were reversed: we put them back in order.",
        CatalogueNoteIgnored => "Some parameters in the address were not valid and were ignored.",
        CatalogueNoteQueryShortened => {
            "The search was too long: only its first 200 characters are used."
        }
        CatalogueNoteRadiusCapped => "The radius is limited to 200 km.",
        CataloguePager => "Result pages",
        CataloguePaid => "Paid",
        CataloguePrevious => "Previous",
        CatalogueReset => "See all events",
        CatalogueSearch => "Search",
        CatalogueSearchHint => "Workshop, concert, city…",
        CatalogueSort => "Sort by",
        CatalogueSortNewest => "Newest",
        CatalogueSortSoonest => "Soonest",
        CatalogueToday => "Today",
        CatalogueWeek => "This week",
        CatalogueWeekend => "This weekend",
        CatalogueWhen => "When",

        CatalogueSubscribe => "Subscribe to these events (calendar)",

        CatalogueCountMoreThan => "More than",
        CatalogueViews => "Show results as",
        CatalogueViewGrid => "Grid",
        CatalogueViewList => "List",
        CatalogueViewMap => "Map",
        CatalogueNearMe => "Near me",
        CatalogueLocating => "Finding your position…",
        CatalogueLocationDenied => {
            "Position unavailable: allow location in your browser or type a city."
        }
        CatalogueRadius => "Radius",
        CatalogueClearPosition => "× Forget the position",
        CatalogueSortNearest => "Nearest first",
        CatalogueSortPopular => "Most popular",
        CatalogueRange => "Chosen dates",
        CatalogueMapLabel => "Map of the events found",
        CatalogueSearchArea => "Search this area",
        CatalogueMapOnline => "online, not on the map",
        CatalogueMapCapped => {
            "The map shows the first events found; narrow the filters to see the others. At most"
        }
        CataloguePage => "Page",
        CatalogueNoteNeedsScript => {
            "“Near me” needs JavaScript to read your position: type a city instead."
        }
        HomeNearTitle => "Near you",
        HomeWeekendTitle => "This weekend",
        HomeFreeFoodPicksTitle => "FreeFood picks",
        HomePopularTitle => "Most popular",
        OrganizerUpcoming => "Upcoming events",
        OrganizerPast => "Past events",
        OrganizerNoUpcoming => "No upcoming events for now.",
        OrganizerLead => "Organizer on Meetral",
        OrganizerEventsCount => "published events",
        EventFieldMaxSeats => "Seats per registration",
        EventFieldMaxSeatsHint => "1 to 20; each seat gets its own ticket and attendee name.",
        EventFieldCancelCutoff => "Self-cancel allowed until (hours before start)",
        EventFieldCancelCutoffHint => "0: until the start. After that, participants contact you.",
        EventFieldOfferHours => "How long a seat offer lasts (hours)",
        EventFieldOfferHoursHint => {
            "When a seat frees up, the next person has this long to accept it (1 to 168)."
        }
        EventFieldQuestions => "Questions for participants (optional)",
        EventFieldQuestionsHint => {
            "Up to 5, one per line. For a choice: \"Diet: None / Vegetarian / Vegan\"."
        }
        NumberOutOfRange => "Enter a whole number in the range shown.",
        QuestionsLabelInvalid => "Each question is 1 to 120 characters long.",
        QuestionsChoicesInvalid => {
            "A choice offers 2 to 10 answers of at most 60 characters, separated by \"/\"."
        }
        QuestionsTooMany => "At most 5 questions.",
        AnswerNotAChoice => "Pick one of the answers offered.",
        StateRegistered => "Registered",
        StateWaitlisted => "On the waiting list",
        StateOffered => "Seat offered",
        StateCancelled => "Cancelled",
        ManageCancelTooLate => {
            "Online cancellation is closed for this event: contact the organizer."
        }
        ManageCancelUsed => {
            "A ticket was already scanned at the door: the registration can no longer be cancelled."
        }
        ManageTitle => "My registration",
        ManageLead => "This link is personal: it opens your tickets. Do not forward it.",
        ManageSeats => "Seats",
        ManagePosition => "Place in line",
        ManageCancelUntil => "Cancellation possible until",
        ManageCancel => "Cancel my registration",
        ManageCancelConfirm => {
            "Your seat will be given back and offered to the next person. This cannot be undone."
        }
        ManageCancelled => "Your registration is cancelled. A confirmation email is on its way.",
        ManageLeaveWaitlist => "Leave the waiting list",
        OfferTitle => "A seat for you",
        OfferLead => "A seat freed up: it is held for you until",
        OfferAccept => "Accept the seat",
        OfferExpired => "This offer has expired: the seat went to the next person.",
        OfferGone => "This offer is no longer valid.",
        RegisterWaitlistHeading => "Join the waiting list",
        RegisterWaitlistLead => {
            "It is full. Join the waiting list: if a seat frees up, we offer it to you by email."
        }
        RegisterWaitlistSubmit => "Join the waiting list",
        RegisterAttendees => "Names of the other attendees (one ticket each)",
        RegisterAttendee => "Attendee",
        RegisterAlreadyWaitlisted => "You are already on this event's waiting list.",
        ResentTitle => "You are already registered",
        ResentLead => {
            "This address is already registered for the event: we have just sent your ticket to it again (check your spam folder)."
        }
        WaitlistedTitle => "You are on the waiting list",
        EventTitleLabel => "Event",
        TicketStatusLabel => "Status",
        CheckinAdmitted => "Welcome!",
        CheckinAlreadyUsed => "Ticket already used",
        CheckinOtherEvent => "Ticket for another event",
        CheckinCancelledTicket => "Cancelled ticket",
        CheckinUnknown => "Unknown or unreadable ticket",
        CheckinTitle => "Check-in",
        CheckinOffline => "Offline: checking against the downloaded list, scans queued.",
        CheckinOnline => "Online",
        CheckinQueued => "scan(s) waiting to sync",
        CheckinSynced => "Offline scans synced.",
        CheckinConflict => "Conflict while syncing",
        CheckinCameraDenied => {
            "Camera access denied: allow it in the browser, or search for the participant below."
        }
        CheckinNoCamera => "No camera on this device: search for the participant below.",
        CheckinManualAdmit => "Check in",
        CheckinNoMatch => "No ticket matches.",
        CheckinCounted => "checked in",
        CheckinStartCamera => "Scan with the camera",
        CheckinStopCamera => "Stop the camera",
        CheckinSearchLabel => "Search by name, email or code",
        CheckinTeam => "Door team",
        CheckinInvitePending => "invitation sent",
        CheckinInviteLabel => "Invite a co-organizer (email)",
        CheckinInvite => "Send the invitation",
        InviteTooMany => "Too many pending invitations for this event.",
        InvitationTitle => "Door team invitation",
        InvitationLead => "Accept to scan this event's tickets at the door.",
        InvitationAccept => "Accept the invitation",
        InvitationClosed => "This invitation was already used or has expired.",
        ParticipantsTitle => "Participants",
        ParticipantsAll => "All",
        ParticipantsCheckedIn => "Checked in",
        ParticipantsSearch => "Name or email",
        ParticipantsCount => "registration(s)",
        ParticipantsCsv => "CSV export",
        ParticipantsCsvExcel => "CSV for Excel (;)",
        ParticipantsPdf => "Printable PDF list",
        ParticipantsRegisteredAt => "Registered on",
        ParticipantsEmpty => "Nobody matches yet.",
        ParticipantsMessageTitle => "Message all participants",
        ParticipantsMessageLead => {
            "One email to each registered person (at most 3 messages a day)."
        }
        ParticipantsMessageSend => "Send the message",
        ParticipantsMessageSent => "Message sent — recipients:",
        MessageLimitReached => "Limit reached: 3 messages a day per event.",
        TicketPrint => "Print",
        TicketPdf => "Download the PDF",
        WalletTitle => "My tickets",
        WalletLead => {
            "Tickets you opened on this device stay available offline. Add Meetral to your home screen to find them in one tap."
        }
        WalletAccount => "Tickets in my account",
        WalletDevice => "Tickets saved on this device",
        WalletEmpty => "No tickets yet.",
        ReportReasonSpam => "Spam or abusive advertising",
        ReportReasonFraud => "Scam or fraud",
        ReportReasonInappropriate => "Inappropriate or offensive content",
        ReportReasonMisleadingFood => "Misleading FreeFood (no food offered)",
        ReportReasonWrongInformation => "Wrong information (date, place, price)",
        ReportReasonOther => "Another reason",
        ReportDetailsTooLong => "2,000 characters at most.",
        ReportDetailsNeeded => "Tell us in a few words what is wrong.",
        ReportTitle => "Report this event",
        ReportLead => "Something wrong with this event? The moderation team reviews every report.",
        ReportReasonLabel => "Reason for the report",
        ReportDetailsLabel => "Details (optional)",
        ReportEmailLabel => "Your email for an acknowledgement (optional)",
        ReportSubmit => "Send the report",
        ReportSent => "Thank you: your report was sent to the moderators.",
        StatusChangesRequested => "Changes requested",
        PreviewChangesLead => "Moderation asks for changes. Edit the event, then submit it again.",
        PreviewPublishedAtOnce => "Event published: it is now in the catalogue.",
        ModerationReasonLabel => "Moderation’s reason:",
        SlugInvalid => "Lower-case letters, digits and dashes only (e.g. cooking-class).",
        SlugTaken => "This identifier is already used.",
    }
}
