//! Français — langue par défaut.

use super::MessageKey::{self, *};

pub fn text(key: MessageKey) -> &'static str {
    match key {
        BrandName => "Meetral",
        Slogan => "Meet. Connect. Enjoy.",
        MetaDescription => {
            "Meetral : trouvez et publiez des événements en France — formations, networking, lancements, culture. Repérez le label FreeFood pour les événements où l’on vous offre à manger."
        }
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
        FooterAbout => {
            "La plateforme française des événements qui rassemblent : publiez, trouvez, participez."
        }
        FooterLegal => "Mentions légales",
        FooterPrivacy => "Confidentialité",
        FooterTerms => "Conditions d’utilisation",
        FooterRights => "© 2026 Meetral. Tous droits réservés.",
        FooterNav => "Liens utiles",
        HomeHeroTitle => "Les événements qui vous rapprochent",
        HomeHeroLead => {
            "Formations, afterworks, lancements, sorties culturelles : trouvez un événement près de chez vous, inscrivez-vous en un instant, avec ou sans compte, et recevez votre billet par e-mail."
        }
        HomeCtaBrowse => "Voir les événements",
        HomeCtaFreeFood => "Découvrir FreeFood",
        HomeFreeFoodTitle => "FreeFood : on vous régale",
        HomeFreeFoodText => {
            "Le label FreeFood signale les événements où une collation ou un repas est offert. Un petit-déjeuner avant une formation, un buffet après une conférence : repérez le badge vert et venez partager un moment convivial."
        }
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
        Error404Text => {
            "Cette page n’existe pas ou a été déplacée. Vérifiez l’adresse ou repartez de l’accueil."
        }
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
        ContactLead => {
            "Une question, un partenariat, un souci avec un événement ? Écrivez-nous, l’équipe répond sous 48 h ouvrées."
        }
        ContactName => "Votre nom",
        ContactSubject => "Sujet",
        ContactMessage => "Message",
        ContactSend => "Envoyer",
        ContactSending => "Envoi…",
        ContactSent => {
            "Merci ! Votre message a bien été enregistré ; l’équipe vous répondra par e-mail."
        }
        ContactErrorSummary => "Le message n’a pas été envoyé : corrigez les champs signalés.",
        ContactMessageHint => "Entre 10 et 5 000 caractères.",
        FaqTitle => "Questions fréquentes",
        FaqLead => "Les réponses aux questions que l’on nous pose le plus souvent.",
        FaqWhatQ => "Qu’est-ce que Meetral ?",
        FaqWhatA => {
            "Meetral est une plateforme pour publier, promouvoir et rejoindre des événements en France : formations, networking, lancements, culture, promotions. Chacun peut être organisateur et participant."
        }
        FaqFreeFoodQ => "Que signifie le label FreeFood ?",
        FaqFreeFoodA => {
            "Il signale un événement où une collation ou un repas est offert aux participants. L’organisateur précise ce qui est proposé et les régimes alimentaires pris en compte."
        }
        FaqAccountQ => "Faut-il un compte pour participer ?",
        FaqAccountA => {
            "Non. Vous pouvez vous inscrire avec votre nom et votre e-mail ; votre billet vous est envoyé par e-mail. Un compte vous permet en plus de retrouver tous vos billets."
        }
        FaqModerationQ => "Les événements sont-ils vérifiés ?",
        FaqModerationA => {
            "Oui. Chaque événement est relu avant sa publication, et chacun peut signaler un contenu inapproprié."
        }
        FaqTicketQ => "Comment présenter mon billet ?",
        FaqTicketA => {
            "Ouvrez votre billet sur votre téléphone et montrez son QR code à l’entrée. L’organisateur le scanne en une seconde."
        }
        LoginTitle => "Connexion",
        LoginSubmit => "Se connecter",
        LoginRemember => "Rester connecté·e sur cet appareil",
        LoginInvalid => "E-mail ou mot de passe incorrect.",
        LoginSuspended => {
            "Ce compte est suspendu. Écrivez-nous depuis la page contact pour en savoir plus."
        }
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
        UnsubscribeEssential => {
            "Les e-mails indispensables (billets, annulations, sécurité du compte) restent envoyés."
        }
        KindRegistrationConfirmed => "Confirmations d’inscription",
        KindEventReminder => "Rappels avant un événement",
        KindEventChanged => "Modifications d’un événement",
        KindEventCancelled => "Annulations d’un événement",
        KindWaitlistOffer => "Places libérées (liste d’attente)",
        KindModerationDecision => "Décisions de modération",
        KindReportUpdate => "Suivi de mes signalements",
        LegalTitle => "Mentions légales",
        LegalBody => {
            "Meetral est un service édité par l’équipe Meetral. Directeur de la publication : l’équipe Meetral. Hébergement : en France, chez un hébergeur soumis au droit européen. Pour toute demande, utilisez le formulaire de contact."
        }
        PrivacyTitle => "Confidentialité et cookies",
        PrivacyBody => {
            "Nous ne conservons que les données nécessaires au service : votre compte, vos inscriptions et vos billets. Aucun traceur tiers n’est utilisé ; le seul cookie déposé sans compte mémorise votre langue. Vous pouvez demander l’accès à vos données ou leur suppression via le formulaire de contact."
        }
        TermsTitle => "Conditions d’utilisation",
        TermsBody => {
            "En utilisant Meetral, vous vous engagez à publier des informations exactes, à respecter les participants et la loi. Les événements sont modérés ; un contenu contraire à ces règles peut être retiré et son auteur suspendu."
        }
    }
}
