//! Français — langue par défaut.

use super::MessageKey::{self, *};

pub fn text(key: MessageKey) -> &'static str {
    match key {
        BrandName => "Meetral",
        Slogan => "Meet. Connect. Enjoy.",
        SkipToContent => "Aller au contenu",
        NavHome => "Accueil",
        NavEvents => "Événements",
        NavFaq => "FAQ",
        NavContact => "Contact",
        NavMenu => "Menu",
        NavMain => "Navigation principale",
        NavLogin => "Connexion",
        NavSignup => "Créer un compte",
        AccountArea => "Espace membre",
        LangSwitchLabel => "Langue",
        LangFr => "FR",
        LangEn => "EN",
        FooterLegal => "Mentions légales",
        FooterPrivacy => "Confidentialité",
        FooterTerms => "Conditions d’utilisation",
        FooterRights => "© 2026 Meetral. Tous droits réservés.",
        FooterNav => "Liens utiles",
        HomeHeroTitle => "Les événements qui vous rapprochent",
        HomeCtaBrowse => "Voir les événements",
        HomeCtaFreeFood => "Découvrir FreeFood",
        HomeFreeFoodTitle => "FreeFood : on vous régale",
        HomeUpcomingTitle => "Prochains événements",
        HomeUpcomingEmpty => "Aucun événement à venir pour le moment. Revenez bientôt !",
        HomeSeeAll => "Tous les événements",
        HomeStepsTitle => "Comment ça marche",
        HomeStepFind => "Trouvez un événement par ville, date, thème ou label FreeFood.",
        HomeStepRegister => "Inscrivez-vous en quelques secondes, même sans compte.",
        HomeStepEnjoy => "Présentez le QR code de votre billet à l’entrée et profitez.",
        FreeFood => "FreeFood",
        FreeFoodBadgeLabel => "Label FreeFood : collation offerte",
        PriceFree => "Gratuit",
        PriceOnSite => "à régler sur place",
        Online => "En ligne",
        InPerson => "Sur place",
        Hybrid => "Sur place et en ligne",
        SeatsLeft => "places restantes",
        SoldOut => "Complet",
        EventsTitle => "Événements à venir",
        EventsLead => "Tous les événements publiés, du plus proche au plus lointain.",
        EventsEmpty => "Aucun événement à venir pour le moment.",
        EventWhen => "Quand",
        EventWhere => "Où",
        EventOrganizer => "Organisé par",
        EventPrice => "Tarif",
        EventCategory => "Catégorie",
        EventBackToList => "Retour aux événements",
        EventCancelled => "Cet événement est annulé.",
        EventPast => "Cet événement est terminé.",
        EventFreeFoodOffered => "Ce qui est offert",
        EventCapacity => "Places",
        EventNoLimit => "Sans limite",
        Error404Code => "404",
        Error404Title => "Page introuvable",
        ErrorPageTitle => "Une erreur est survenue",
        ErrorBackHome => "Retour à l’accueil",
        ErrorRetry => "Réessayer",
        ErrorValidation => "Certains champs sont à corriger.",
        ErrorUnauthorized => "Connectez-vous pour continuer.",
        ErrorForbidden => "Vous n’avez pas accès à cette page.",
        ErrorNotFound => "Ce contenu est introuvable.",
        ErrorConflict => "Ce contenu a été modifié entre-temps. Rechargez la page.",
        ErrorSoldOut => "Cet événement est complet.",
        ErrorRateLimited => "Trop de tentatives. Réessayez dans quelques minutes.",
        ErrorRateLimitedRetryIn => "Trop de tentatives. Réessayez dans",
        ErrorUnavailable => "Le service est momentanément indisponible. Réessayez dans un instant.",
        ErrorInternal => "Une erreur inattendue est survenue. Réessayez plus tard.",
        FieldRequired => "Ce champ est obligatoire.",
        FieldTooShort => "Ce texte est trop court.",
        FieldTooLong => "Ce texte est trop long.",
        FieldEmailInvalid => "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
        FieldEmail => "E-mail",
        FieldControlChars => "Ce texte contient des caractères non autorisés.",
        ContactTitle => "Nous contacter",
        SeatsInvalid => "Choisissez un nombre de places autorisé pour cet événement.",
        RegistrationConsentRequired => {
            "Acceptez que l’organisateur reçoive vos coordonnées pour vous inscrire."
        }
        TicketTitle => "Votre billet",
        TicketAttendee => "Participant",
        TicketValid => "Valide",
        TicketUsed => "Déjà utilisé",
        TicketCancelled => "Annulé",
        TicketShowAtDoor => {
            "Montrez ce code à l’entrée. Il reste lisible à l’écran comme sur papier."
        }
        TicketCode => "Code du billet",
        TicketQrLabel => "QR code du billet",
        TicketUsedAt => "Utilisé à",
        RegisterHeading => "S’inscrire",
        RegisterSubmit => "Réserver ma place",
        RegisterOneTap => "Réserver en un geste",
        RegisterSignedInAs => "Inscription au nom de",
        RegisterSeats => "Nombre de places",
        RegisterConsent => {
            "J’accepte que l’organisateur reçoive mon nom et mon adresse e-mail pour cet événement."
        }
        RegisterGuestLead => "Sans compte : votre billet arrive par e-mail.",
        RegisterHoneypot => "Ne remplissez pas ce champ",
        SeatsNotEnoughLeft => "Il ne reste pas assez de places : choisissez-en moins.",
        ContactName => "Votre nom",
        ContactSubject => "Sujet",
        ContactMessage => "Message",
        ContactSend => "Envoyer",
        ContactSending => "Envoi…",
        ContactErrorSummary => "Le message n’a pas été envoyé : corrigez les champs signalés.",
        ContactMessageHint => "Entre 10 et 5 000 caractères.",
        FaqTitle => "Questions fréquentes",
        LoginTitle => "Connexion",
        LoginSubmit => "Se connecter",
        LoginRemember => "Rester connecté·e sur cet appareil",
        LoginInvalid => "E-mail ou mot de passe incorrect.",
        LoginSuspended => "Ce compte est suspendu.",
        FieldPassword => "Mot de passe",
        NavLogout => "Se déconnecter",
        NotificationsTitle => "Notifications",
        NotificationsEmpty => "Aucune notification pour le moment.",
        NotificationsMarkAll => "Tout marquer comme lu",
        NotificationsMarkRead => "Marquer comme lu",
        NotificationsUnread => "non lues",
        NotificationsBell => "Notifications",
        NotificationsNewer => "Plus récentes",
        NotificationsOlder => "Plus anciennes",
        NotificationsPreferences => "Choisir mes notifications",
        PreferencesTitle => "Préférences de notification",
        PreferencesLead => "Choisissez comment Meetral vous prévient, type par type.",
        PreferencesType => "Type",
        PreferencesEmail => "E-mail",
        PreferencesInApp => "Dans l’application",
        PreferencesSave => "Enregistrer",
        PreferencesSaved => "Préférences enregistrées.",
        PreferencesAlwaysEmail => "toujours envoyé",
        NoticeReminder => "Rappel : l’événement approche —",
        NoticeChanged => "Date ou lieu modifié —",
        NoticeCancelled => "Événement annulé —",
        NoticeConfirmed => "Inscription confirmée —",
        NoticeOffer => "Une place vous attend —",
        NoticeApproved => "Votre événement est publié —",
        NoticeRejected => "Votre événement n’a pas été publié —",
        NoticeChangesRequested => "Modifications demandées —",
        NoticeReport => "Votre signalement a été traité —",
        UnsubscribeTitle => "Se désabonner",
        UnsubscribeLead => "Ne plus recevoir par e-mail :",
        UnsubscribeButton => "Confirmer le désabonnement",
        UnsubscribeDone => "C’est noté : vous ne recevrez plus par e-mail",
        KindRegistrationConfirmed => "Confirmations d’inscription",
        KindEventReminder => "Rappels avant un événement",
        KindEventChanged => "Modifications d’un événement",
        KindEventCancelled => "Annulations d’un événement",
        KindWaitlistOffer => "Places libérées (liste d’attente)",
        KindModerationDecision => "Décisions de modération",
        KindReportUpdate => "Suivi de mes signalements",
        LegalTitle => "Mentions légales",
        PrivacyTitle => "Confidentialité et cookies",
        TermsTitle => "Conditions d’utilisation",
        AccountNotificationsTab => "Notifications",
        AccountProfileTab => "Profil",
        AccountSecurityTab => "Sécurité",
        AccountTitle => "Mon compte",
        CheckEmailTitle => "Vérifiez votre boîte mail",
        DateInvalid => "Saisissez une date au format AAAA-MM-JJ.",
        DateMustBeFuture => "Choisissez une date à venir.",
        EmailChangeSent => {
            "C’est noté : ouvrez le lien envoyé à la nouvelle adresse pour confirmer le changement. Votre adresse actuelle reste valable d’ici là."
        }
        EmailChangeSubmit => "Changer d’adresse",
        EmailChanged => "Votre nouvelle adresse e-mail est confirmée.",
        EmailCurrent => "Adresse actuelle :",
        EmailHeading => "Adresse e-mail",
        EmailPending => "En attente de confirmation :",
        EmailSameAsCurrent => "C’est déjà votre adresse actuelle.",
        EmailTaken => {
            "Cette adresse est déjà utilisée par un autre compte : le changement n’a pas été fait."
        }
        ErrorEmailUnverified => {
            "Confirmez d’abord votre adresse e-mail (lien reçu à l’inscription) pour publier un événement."
        }
        ErrorTwoFactorRequired => {
            "Votre rôle demande la double authentification : activez-la ci-dessous pour accéder à l’espace modération."
        }
        FieldCurrentPassword => "Mot de passe actuel",
        FieldEmailAscii => {
            "Utilisez une adresse sans accents ni caractères spéciaux, par exemple nom@exemple.fr."
        }
        FieldFullName => "Nom complet",
        FieldLanguage => "Langue des e-mails et du site",
        FieldNewEmail => "Nouvelle adresse e-mail",
        FieldNewPassword => "Nouveau mot de passe",
        FieldPhone => "Téléphone (facultatif)",
        FieldPhoneHint => {
            "Pour que les organisateurs puissent vous joindre le jour J. Exemple : 06 12 34 56 78."
        }
        ForgotTitle => "Mot de passe oublié",
        ForgotSubmit => "Recevoir un lien",
        FormErrorSummary => {
            "Certains champs sont à corriger : voyez les messages sous chacun d’eux."
        }
        LinkExpired => {
            "Ce lien ne fonctionne plus : il a déjà servi ou il a expiré. Demandez-en un nouveau."
        }
        LoginAfterReset => {
            "Votre mot de passe a été changé et tous vos appareils ont été déconnectés. Connectez-vous avec le nouveau."
        }
        LoginAfterVerify => "Merci, votre adresse e-mail est confirmée.",
        LoginForgot => "Mot de passe oublié ?",
        LoginNoAccount => "Pas encore de compte ? Inscrivez-vous",
        PasswordChangeSubmit => "Changer de mot de passe",
        PasswordChanged => "Mot de passe changé. Vos autres appareils ont été déconnectés.",
        PasswordCommon => "Ce mot de passe fait partie des plus courants : choisissez-en un autre.",
        DeletionConfirmWord => "Tapez exactement SUPPRIMER (ou DELETE).",
        DeletionConfirmLabel => "Pour confirmer, tapez SUPPRIMER",
        FieldDisplayName => "Nom affiché",
        FieldBio => "Présentation courte",
        FieldProfileLink => "Lien (site, réseau social)",
        PasswordCurrentWrong => "Ce n’est pas votre mot de passe actuel.",
        PasswordDates => "Les dates et les années se devinent facilement.",
        PasswordHeading => "Mot de passe",
        PasswordHint => {
            "Au moins 8 caractères. Une phrase de quelques mots est à la fois solide et facile à retenir."
        }
        PasswordKeyboard => "Les suites de touches du clavier se devinent facilement.",
        PasswordMeterEmpty => "—",
        PasswordMeterGood => "bonne",
        PasswordMeterLabel => "Solidité :",
        PasswordMeterStrong => "excellente",
        PasswordMeterWeak => "trop faible",
        PasswordRepeats => "Les répétitions comme « aaa » ou « abcabc » se devinent facilement.",
        PasswordSequence => "Les suites comme « abc » ou « 123 » se devinent facilement.",
        PasswordSimilarCommon => "Ce mot de passe ressemble trop à un mot de passe courant.",
        PasswordTooShort => "Au moins 8 caractères.",
        PasswordTooWeak => "Ce mot de passe se devine trop facilement : ajoutez un ou deux mots.",
        PasswordWord => "Un mot ou un nom seul se devine facilement : ajoutez-en d’autres.",
        PhoneInvalid => "Saisissez un numéro de téléphone (chiffres, espaces et + seulement).",
        ProfileHeading => "Profil",
        ProfileSave => "Enregistrer",
        ProfileSaved => "Profil enregistré.",
        RecoveryCodesTitle => "Vos codes de secours",
        RecoveryCodesLead => {
            "Notez-les ou imprimez-les maintenant : ils ne seront plus affichés. Chacun remplace une fois le code de l’application si vous perdez votre téléphone."
        }
        RecoveryCodesLeft => "Codes de secours restants :",
        RecoveryCodesRegenerate => "Générer de nouveaux codes de secours",
        ResetTitle => "Nouveau mot de passe",
        ResetSignsOut => "Tous les appareils connectés à votre compte seront déconnectés.",
        ResetSubmit => "Enregistrer le mot de passe",
        SecurityTitle => "Sécurité du compte",
        SessionIp => "IP",
        SessionLastSeen => "dernière activité",
        SessionRevoke => "Déconnecter",
        SessionRevoked => "L’appareil a été déconnecté.",
        SessionSignedIn => "connecté le",
        SessionThisDevice => "cet appareil",
        SessionsHeading => "Appareils connectés",
        SessionsSignOutAll => "Se déconnecter partout",
        SignupTitle => "Créer un compte",
        SignupHaveAccount => "Déjà un compte ? Connectez-vous",
        SignupSubmit => "Créer mon compte",
        SuspendedReason => "Motif :",
        SuspendedUntil => "Fin de la suspension :",
        SuspendedContact => "Pour en parler, écrivez-nous depuis la page contact.",
        TermsAccept => "J’accepte les",
        TermsRequired => "Acceptez les conditions d’utilisation pour créer un compte.",
        TwoFactorCode => "Code de vérification",
        TwoFactorCodeFormat => {
            "Saisissez les 6 chiffres de l’application, ou un code de secours (10 caractères)."
        }
        TwoFactorCodeHint => {
            "Les 6 chiffres affichés par votre application d’authentification, ou l’un de vos codes de secours."
        }
        TwoFactorCodeWrong => {
            "Ce code ne correspond pas. Vérifiez l’heure de votre téléphone et réessayez."
        }
        TwoFactorConfirm => "Activer",
        TwoFactorDisable => "Désactiver la double authentification",
        TwoFactorDisabled => "La double authentification est désactivée.",
        TwoFactorEnable => "Activer la double authentification",
        TwoFactorEnterCode => "Saisissez le code à 6 chiffres que l’application affiche.",
        TwoFactorExpired => "Cette étape a expiré. Reconnectez-vous avec votre mot de passe.",
        TwoFactorHeading => "Double authentification",
        TwoFactorLoginTitle => "Vérification en deux étapes",
        TwoFactorManual => "Impossible de scanner ? Saisissez cette clé dans l’application :",
        TwoFactorOffLead => {
            "Protégez votre compte avec un code à usage unique généré par une application (Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis…), demandé à chaque connexion."
        }
        TwoFactorOn => "La double authentification est active.",
        TwoFactorQrLabel => "QR code à scanner avec votre application d’authentification",
        TwoFactorRequiredForStaff => "Obligatoire pour les modérateurs et les administrateurs.",
        TwoFactorScan => "Scannez ce QR code avec votre application d’authentification.",
        TwoFactorStartOver => "Recommencer la connexion",
        TwoFactorVerify => "Vérifier",
        VerifyLead => "Confirmez cette adresse e-mail pour votre compte Meetral.",
        VerifyResend => "Renvoyer le lien de confirmation",
        VerifyResent => "Un nouveau lien vient d’être envoyé.",
        VerifySubmit => "Confirmer mon adresse",
        VerifyTitle => "Confirmation de l’adresse e-mail",

        CalendarGoogle => "Google Agenda",
        CalendarIcs => "Ajouter à mon agenda (.ics)",
        CalendarOutlook => "Outlook",
        CancelEventTitle => "Annuler l’événement",
        CancelEventMessage => "Message aux inscrits (facultatif)",
        CancelEventSubmit => "Annuler définitivement l’événement",
        CapacityBelowTaken => "Il y a déjà plus d’inscrits que cette capacité.",
        CapacityInvalid => {
            "Indiquez un nombre entier de places, à partir de 1 (laissez vide pour ne pas limiter)."
        }
        CategoryRequired => "Choisissez une catégorie.",
        CoordinateInvalid => {
            "Position invalide : placez l’épingle sur la carte ou indiquez latitude et longitude ensemble."
        }
        DeadlineAfterEnd => "La clôture des inscriptions doit précéder la fin de l’événement.",
        DietGlutenFree => "Sans gluten",
        DietHalal => "Halal",
        DietKosher => "Casher",
        DietLactoseFree => "Sans lactose",
        DietVegan => "Végane",
        DietVegetarian => "Végétarien",
        EditorDraftRestored => "Brouillon retrouvé : vous reprenez là où vous vous étiez arrêté.",
        EditorDraftSaved => "Brouillon enregistré.",
        EditorDraftSaving => "Enregistrement du brouillon…",
        EditorEdit => "Modifier",
        EditorEditTitle => "Modifier l’événement",
        EditorEssentials => "L’essentiel",
        EditorMapHint => "Touchez la carte pour placer l’épingle sur le lieu exact (facultatif).",
        EditorMapLabel => "Carte : placez l’épingle du lieu",
        EditorNewTitle => "Créer un événement",
        EditorPreviewLabel => "Aperçu de la description",
        EditorSave => "Enregistrer et prévisualiser",
        EditorSharing => "Diffusion et notifications",
        EditorTickets => "Inscriptions",
        EditorWhen => "Date et heure",
        EditorWhere => "Lieu",
        EndBeforeStart => "La fin doit être après le début.",
        EventDirections => "Itinéraire",
        EventFieldAddress => "Adresse",
        EventFieldCapacity => "Nombre de places",
        EventFieldCapacityHint => "Laissez vide pour ne pas limiter.",
        EventFieldCategoryChoose => "Choisir…",
        EventFieldCity => "Ville",
        EventFieldDeadline => "Clôture des inscriptions (facultatif)",
        EventFieldDescription => "Description",
        EventFieldDescriptionHint => "Markdown accepté : **gras**, *italique*, listes, liens.",
        EventFieldDietary => "Régimes pris en compte",
        EventFieldEnds => "Fin",
        EventFieldFreeFood => "On offre à manger ou à boire (label FreeFood)",
        EventFieldFreeFoodHint => {
            "Le label FreeFood met votre événement en avant dans le catalogue."
        }
        EventFieldLatitude => "Latitude",
        EventFieldLongitude => "Longitude",
        EventFieldMode => "Format",
        EventFieldNotify => "Me prévenir des inscriptions",
        EventFieldOnlineUrl => "Lien de la visio",
        EventFieldOnlineUrlHint => "Lien https, visible uniquement par les personnes inscrites.",
        EventFieldPostalCode => "Code postal",
        EventFieldPrice => "Prix en euros",
        EventFieldPriceHint => "Laissez vide si c’est gratuit. Le paiement se fait sur place.",
        EventFieldReminders => "Rappels aux inscrits",
        EventFieldStarts => "Début",
        EventFieldSummary => "Résumé",
        EventFieldSummaryHint => {
            "Une ou deux phrases, affichées dans le catalogue (280 caractères au plus)."
        }
        EventFieldTimeZone => "Fuseau horaire",
        EventFieldTitle => "Titre",
        EventFieldVenue => "Nom du lieu",
        EventFieldVisibility => "Visibilité",
        EventFieldWaitlist => "Liste d’attente quand c’est complet",
        EventFull => "Cet événement est complet.",
        EventFullWaitlist => "Complet — liste d’attente ouverte",
        EventOnlineLinkLater => "Le lien de connexion est envoyé aux inscrits.",
        EventRegistrationClosed => "Les inscriptions sont closes.",
        EventTooLong => "Un événement dure au plus 31 jours.",
        FreeFoodDetailsRequired => {
            "Dites ce qui est offert (par exemple : petit-déjeuner, buffet, boissons)."
        }
        LinkInvalid => "Ce lien n’est pas une adresse web valide.",
        LinkMustBeHttps => "Le lien doit commencer par https://",
        MyEventsCreate => "Créer un événement",
        MyEventsEmpty => "Vous n’organisez encore aucun événement.",
        MyEventsRegistered => "inscrits :",
        MyEventsTitle => "Mes événements",
        NotifyDaily => "Un résumé par jour",
        NotifyEach => "À chaque inscription",
        NotifyNone => "Jamais",
        PostalCodeInvalid => "Code postal invalide.",
        PreviewBannerLabel => "Votre événement",
        PreviewCancelled => "L’événement est annulé ; les inscrits sont prévenus.",
        PreviewCancelledLead => "Cet événement est annulé.",
        PreviewDraftLead => {
            "Voici exactement ce que verront les visiteurs. Soumettez-le quand il est prêt : l’équipe de modération le relit avant publication."
        }
        PreviewPendingLead => "En attente de modération : vous serez prévenu de la décision.",
        PreviewPublicPage => "Voir la page publique",
        PreviewPublishedLead => "Publié : les visiteurs le trouvent et s’y inscrivent.",
        PreviewRejectedLead => "Refusé par la modération. Corrigez-le puis soumettez-le à nouveau.",
        PreviewSaved => "Événement enregistré.",
        PreviewSubmit => "Soumettre à la modération",
        PreviewSubmitted => "Événement soumis : la modération va le relire.",
        PriceInvalid => "Prix invalide : par exemple 12 ou 12,50.",
        PriceTooHigh => "Ce prix dépasse 100 000 €.",
        ReminderDay => "La veille",
        ReminderDayAndHours => "La veille et 2 heures avant",
        ReminderHours => "2 heures avant",
        ReminderNone => "Aucun rappel",
        ReminderWeekAndDay => "Une semaine avant et la veille",
        ShareCopied => "Lien copié",
        ShareEvent => "Partager",
        StatusCancelled => "Annulé",
        StatusDraft => "Brouillon",
        StatusPending => "En modération",
        StatusPublished => "Publié",
        StatusRejected => "Refusé",
        TimeZoneInvalid => "Choisissez un fuseau horaire de la liste.",
        VisibilityPublic => "Public : dans le catalogue",
        VisibilityUnlisted => "Non répertorié : accessible par le lien seulement",

        ImageAltRequired => {
            "Décrivez l’image en quelques mots (texte alternatif, pour les personnes qui ne la voient pas)."
        }
        ImageCorrupt => "Ce fichier n’est pas une image lisible.",
        ImageDelete => "Retirer",
        ImageFieldAlt => "Texte alternatif",
        ImageFieldAltHint => "Ce que montre l’image, lu par les lecteurs d’écran.",
        ImageFieldFile => "Image (JPEG, PNG ou WebP, 10 Mo au plus)",
        ImageFieldFileHint => "Les métadonnées (position GPS, appareil) sont retirées.",
        ImageFieldKind => "Utilisation",
        ImageKindCover => "Image de couverture",
        ImageKindFlyer => "Affiche ou flyer",
        ImageMissing => "Choisissez une image.",
        ImageTooLarge => "Image trop lourde : 10 Mo au plus.",
        ImageTooSmall => "Image trop petite : au moins 200 × 100 pixels.",
        ImageType => "Format non accepté : JPEG, PNG ou WebP uniquement.",
        ImageUpload => "Ajouter l’image",
        ImagesTitle => "Images",
        PreviewImageRemoved => "Image retirée.",
        PreviewImageSaved => "Image ajoutée.",

        EventMapLabel => "Carte du lieu",

        NavOrganize => "Organiser",

        EditorGeocodeFound => "Adresse trouvée : l’épingle est placée, vérifiez-la sur la carte.",
        EditorGeocodeNotFound => "Adresse introuvable : placez l’épingle vous-même (facultatif).",

        CatalogueAnyCategory => "Toutes",
        CatalogueAnyDate => "Toutes",
        CatalogueAnyMode => "Tous",
        CatalogueAnyPrice => "Tous",
        CatalogueApply => "Filtrer",
        CatalogueCountMany => "événements",
        CatalogueCountNone => "Aucun événement",
        CatalogueCountOne => "1 événement",
        CatalogueFreeFoodOnly => "FreeFood uniquement",
        CatalogueMonth => "Ce mois-ci",
        CatalogueNext => "Suivants",
        CatalogueNoteDatesSwapped => {
            "Les dates étaient inversées : nous les avons remises dans l’ordre."
        }
        CatalogueNoteIgnored => {
            "Certains paramètres de l’adresse n’étaient pas valables et ont été ignorés."
        }
        CatalogueNoteQueryShortened => {
            "La recherche était trop longue : seuls ses 200 premiers caractères sont utilisés."
        }
        CatalogueNoteRadiusCapped => "Le rayon est limité à 200 km.",
        CataloguePager => "Pages de résultats",
        CataloguePaid => "Payant",
        CataloguePrevious => "Précédents",
        CatalogueReset => "Voir tous les événements",
        CatalogueSearch => "Rechercher",
        CatalogueSearchHint => "Atelier, concert, ville…",
        CatalogueSort => "Trier par",
        CatalogueSortNewest => "Les plus récents",
        CatalogueSortSoonest => "Date la plus proche",
        CatalogueToday => "Aujourd’hui",
        CatalogueWeek => "Cette semaine",
        CatalogueWeekend => "Ce week-end",
        CatalogueWhen => "Quand",

        CatalogueSubscribe => "S’abonner à ces événements (agenda)",

        CatalogueCountMoreThan => "Plus de",
        CatalogueViews => "Affichage des résultats",
        CatalogueViewGrid => "Grille",
        CatalogueViewList => "Liste",
        CatalogueViewMap => "Carte",
        CatalogueNearMe => "Autour de moi",
        CatalogueLocating => "Recherche de votre position…",
        CatalogueLocationDenied => {
            "Position indisponible : autorisez la localisation dans le navigateur ou indiquez une ville."
        }
        CatalogueRadius => "Rayon",
        CatalogueClearPosition => "× Oublier la position",
        CatalogueSortNearest => "Les plus proches",
        CatalogueSortPopular => "Les plus populaires",
        CatalogueRange => "Dates choisies",
        CatalogueMapLabel => "Carte des événements trouvés",
        CatalogueSearchArea => "Rechercher dans cette zone",
        CatalogueMapOnline => "en ligne, sans lieu sur la carte",
        CataloguePage => "Page",
        CatalogueNoteNeedsScript => {
            "« Autour de moi » a besoin de JavaScript pour lire votre position : indiquez plutôt une ville."
        }
        HomeNearTitle => "Près de chez vous",
        HomeWeekendTitle => "Ce week-end",
        HomeFreeFoodPicksTitle => "Les bons plans FreeFood",
        HomePopularTitle => "Les plus populaires",
        OrganizerUpcoming => "Événements à venir",
        OrganizerPast => "Événements passés",
        OrganizerNoUpcoming => "Aucun événement à venir pour le moment.",
        OrganizerLead => "Organisateur sur Meetral",
        OrganizerEventsCount => "événements publiés",
        EventFieldMaxSeats => "Places par inscription",
        EventFieldMaxSeatsHint => {
            "De 1 à 20 ; chaque place a son billet et le nom de son participant."
        }
        EventFieldCancelCutoff => "Annulation en ligne jusqu’à (heures avant l’événement)",
        EventFieldCancelCutoffHint => {
            "0 : jusqu’au début. Au-delà, les participants vous contactent."
        }
        EventFieldOfferHours => "Durée d’une offre de place (heures)",
        EventFieldOfferHoursHint => {
            "Quand une place se libère, la personne suivante a ce temps pour l’accepter (1 à 168)."
        }
        EventFieldQuestions => "Questions aux participants (facultatif)",
        EventFieldQuestionsHint => {
            "Jusqu’à 5, une par ligne. Pour un choix : « Régime : Aucun / Végétarien / Vegan »."
        }
        NumberOutOfRange => "Saisissez un nombre entier dans la plage indiquée.",
        QuestionsLabelInvalid => "Chaque question fait de 1 à 120 caractères.",
        QuestionsChoicesInvalid => {
            "Un choix propose de 2 à 10 réponses de 60 caractères au plus, séparées par « / »."
        }
        QuestionsTooMany => "5 questions au plus.",
        AnswerNotAChoice => "Choisissez une des réponses proposées.",
        StateRegistered => "Inscrit·e",
        StateWaitlisted => "En liste d’attente",
        StateOffered => "Place offerte",
        StateCancelled => "Annulée",
        ManageCancelTooLate => {
            "L’annulation en ligne est fermée pour cet événement : contactez l’organisateur."
        }
        ManageCancelUsed => {
            "Un billet a déjà été scanné à l’entrée : l’inscription ne peut plus être annulée."
        }
        ManageTitle => "Mon inscription",
        ManageSeats => "Places",
        ManagePosition => "Position dans la file",
        ManageCancelUntil => "Annulation possible jusqu’au",
        ManageCancel => "Annuler mon inscription",
        ManageLeaveWaitlist => "Quitter la liste d’attente",
        OfferTitle => "Une place pour vous",
        OfferLead => "Une place s’est libérée : elle vous est réservée jusqu’au",
        OfferAccept => "Accepter la place",
        OfferExpired => "Cette offre a expiré : la place a été proposée à la personne suivante.",
        OfferGone => "Cette offre n’est plus valable.",
        RegisterWaitlistHeading => "Rejoindre la liste d’attente",
        RegisterWaitlistLead => {
            "C’est complet. Inscrivez-vous sur la liste d’attente : si une place se libère, nous vous l’offrons par email."
        }
        RegisterWaitlistSubmit => "Rejoindre la liste d’attente",
        RegisterAttendees => "Noms des autres participants (un billet chacun)",
        RegisterAttendee => "Participant",
        RegisterAlreadyWaitlisted => "Vous êtes déjà sur la liste d’attente de cet événement.",
        ResentTitle => "Vous êtes déjà inscrit·e",
        WaitlistedTitle => "Vous êtes sur la liste d’attente",
        EventTitleLabel => "Événement",
        TicketStatusLabel => "Statut",
        CheckinAdmitted => "Bienvenue !",
        CheckinAlreadyUsed => "Billet déjà utilisé",
        CheckinOtherEvent => "Billet d’un autre événement",
        CheckinCancelledTicket => "Billet annulé",
        CheckinUnknown => "Billet inconnu ou illisible",
        CheckinTitle => "Accueil des participants",
        CheckinOffline => {
            "Hors ligne : vérification avec la liste téléchargée, scans mis en attente."
        }
        CheckinOnline => "En ligne",
        CheckinQueued => "scan(s) en attente de synchronisation",
        CheckinSynced => "Scans hors ligne synchronisés.",
        CheckinConflict => "Conflit à la synchronisation",
        CheckinManualAdmit => "Valider l’entrée",
        CheckinNoMatch => "Aucun billet ne correspond.",
        CheckinCounted => "présents",
        CheckinStartCamera => "Scanner avec la caméra",
        CheckinStopCamera => "Arrêter la caméra",
        CheckinSearchLabel => "Chercher par nom, email ou code",
        CheckinTeam => "Équipe d’accueil",
        CheckinInvitePending => "invitation envoyée",
        CheckinInviteLabel => "Inviter un co-organisateur (email)",
        CheckinInvite => "Envoyer l’invitation",
        InviteTooMany => "Trop d’invitations en attente pour cet événement.",
        InvitationTitle => "Invitation à l’accueil",
        InvitationLead => "Acceptez pour pouvoir scanner les billets de cet événement à l’entrée.",
        InvitationAccept => "Accepter l’invitation",
        InvitationClosed => "Cette invitation a déjà été utilisée ou a expiré.",
        ParticipantsTitle => "Participants",
        ParticipantsAll => "Tous",
        ParticipantsCheckedIn => "Présents",
        ParticipantsSearch => "Nom ou email",
        ParticipantsCount => "inscription(s)",
        ParticipantsCsv => "Export CSV",
        ParticipantsCsvExcel => "CSV pour Excel (;)",
        ParticipantsPdf => "Liste PDF à imprimer",
        ParticipantsRegisteredAt => "Inscrit le",
        ParticipantsEmpty => "Personne ne correspond pour l’instant.",
        ParticipantsMessageTitle => "Écrire à tous les participants",
        ParticipantsMessageLead => {
            "Un email à chaque personne inscrite (3 messages par jour au plus)."
        }
        ParticipantsMessageSend => "Envoyer le message",
        ParticipantsMessageSent => "Message envoyé — destinataires :",
        MessageLimitReached => "Limite atteinte : 3 messages par jour et par événement.",
        ApiTokenLimitReached => {
            "Limite atteinte : 20 jetons actifs par compte. Révoquez-en un d’abord."
        }
        WebhookLimitReached => "Limite atteinte : 10 adresses de webhook par compte.",
        TicketPrint => "Imprimer",
        TicketPdf => "Télécharger le PDF",
        WalletTitle => "Mes billets",
        WalletAccount => "Billets de mon compte",
        WalletDevice => "Billets enregistrés sur cet appareil",
        WalletEmpty => "Aucun billet pour l’instant.",
        ReportReasonSpam => "Spam ou publicité abusive",
        ReportReasonFraud => "Arnaque ou fraude",
        ReportReasonInappropriate => "Contenu inapproprié ou offensant",
        ReportReasonMisleadingFood => "FreeFood trompeur (pas de nourriture offerte)",
        ReportReasonWrongInformation => "Informations fausses (date, lieu, prix)",
        ReportReasonOther => "Autre raison",
        ReportDetailsTooLong => "2 000 caractères au plus.",
        ReportDetailsNeeded => "Dites-nous en quelques mots ce qui ne va pas.",
        ReportTitle => "Signaler cet événement",
        ReportLead => {
            "Un problème avec cet événement ? L’équipe de modération examine chaque signalement."
        }
        ReportReasonLabel => "Motif du signalement",
        ReportDetailsLabel => "Précisions (facultatif)",
        ReportEmailLabel => "Votre e-mail pour recevoir un accusé de réception (facultatif)",
        ReportSubmit => "Envoyer le signalement",
        ReportSent => "Merci : votre signalement a été transmis à la modération.",
        StatusChangesRequested => "Modifications demandées",
        PreviewChangesLead => {
            "La modération demande des modifications. Modifiez l’événement puis soumettez-le à nouveau."
        }
        PreviewPublishedAtOnce => "Événement publié : il est visible dans le catalogue.",
        ModerationReasonLabel => "Motif de la modération :",
        SlugInvalid => "Lettres minuscules, chiffres et tirets seulement (ex. : atelier-cuisine).",
        SlugTaken => "Cet identifiant est déjà utilisé.",
    }
}
