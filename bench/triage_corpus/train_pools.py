# ruff: noqa: E501 - phrase pools read best one per line
"""Phrase pools for the TRAINING corpus. Written separately from eval_pools.py: no sentence is shared."""

# fmt: off

PRODUCTS = ["Ledgerly", "ShipTrack", "the mobile app", "the web app", "the dashboard", "the API", "the Outlook plugin", "the iOS app", "the desktop client", "the portal", "Stockroom", "the Android app"]

POOLS: dict[str, dict] = {}

POOLS["en"] = {
    "greet": ["Hi,", "Hello,", "Hi team,", "Dear support,", "Hello there,", "Good morning,", "Hey,", "Hi support team,", "Dear Sir or Madam,", "To whom it may concern,"],
    "close": ["Thanks,", "Thank you!", "Best regards,", "Kind regards,", "Cheers,", "Thanks in advance.", "Many thanks", "Regards,", "Looking forward to your reply.", "Thx"],
    "names": ["John Miller", "Sarah O'Connor", "Mike Chen", "Emily Davis", "Raj Patel", "Laura Smith", "Tom Baker", "Anna Wright"],
    "quote_head": ["On Tue, 3 Mar 2026 at 10:14, {name} <help@ledgerly.example> wrote:", "-----Original Message-----\nFrom: {name}", "On Monday {name} wrote:"],
    "quoted": ["Thanks for reaching out. Could you send us a screenshot?\nBest, the support team", "We have forwarded your request to our specialists.", "Your ticket #48213 has been received. We will get back to you shortly."],
    "extra": ["I am using Chrome on Windows 11.", "We are on the Business plan.", "Our account ID is 55821.", "I attached a screenshot.", "This started after the last update.", "I already cleared the cache and tried another browser.", "My colleague has the same problem.", "I tried on my phone as well."],
    "imp": {
        "L": ["No rush at all.", "Not urgent, just curious.", "Whenever you get a chance.", "It's only a small thing.", "Low priority, just wanted to mention it.", "Just a question, nothing is broken.", "No hurry, thanks.", "It's cosmetic, really."],
        "M": ["There is a workaround, but it is annoying.", "I can still work, but it slows me down.", "Could you look into it this week?", "Only affects me and one colleague.", "Not blocking, but please fix it at some point.", "We found a workaround for now.", "It happens from time to time, not always.", "It's inconvenient rather than critical."],
        "H": ["This is blocking my work.", "Our team can't do our job until this is fixed.", "Customers are waiting and we cannot serve them.", "Please help soon, this is blocking our billing run.", "We have a deadline tomorrow and this blocks us.", "I cannot work at all today because of this.", "Several of our clients are complaining.", "Need this fixed asap, we are stuck."],
        "C": ["The whole company is down!", "All our users are affected, nothing works.", "This is a security incident.", "We are losing data!", "Production is completely down, URGENT.", "Every customer of ours sees this, we are losing money every minute.", "Data of other customers is visible to us, this is a data breach.", "Emergency: our entire service is offline."],
    },
    "scen": """
billing|MH|Charged twice // Double charge on my card|I was charged twice for the same month. // My credit card shows two identical payments for {p} this month. // You billed us two times for one subscription.
billing|LM|Refund request // Requesting a refund|I cancelled last week and would like my money back for the unused period. // Please refund the annual fee, we stopped using {p}.
billing|LM|Invoice address wrong // Wrong company name on invoice|The invoice shows our old billing address, could you correct it? // Our VAT ID is missing on the latest invoice.
billing|L|Question about pricing // How much does the Pro plan cost?|Is the price per user or per team? // Do you offer discounts for nonprofits? // What is the difference between the Standard and Premium plans?
billing|LM|Change plan // Downgrade subscription|How can I downgrade from Premium to Basic? // We want to move to yearly billing instead of monthly.
billing|HC|Payment failed, account suspended // Account blocked for non-payment|Our payment failed and now {p} is locked for the whole team. // You suspended our account although the invoice was paid.
billing|MH|Card declined // Cannot update payment method|My card keeps getting declined when I try to renew. // The page to change the credit card gives an error.
billing|LM|Missing invoice // Need a copy of the invoice|I can't find the invoice for February in {p}. // Could you send me the receipts for the last three months?
billing|MH|Wrong amount charged // Price increase?|We were charged 499 EUR instead of 299 EUR. // The amount on the invoice is higher than our contract says.
billing|L|Sales tax question|Do your prices include VAT? // Why is there sales tax on my invoice?
technical|HC|App crashes // {p} crashes on startup|{p} crashes as soon as I open it. // The app closes immediately after the splash screen. // Every time I click Export the program crashes.
technical|MH|Error 500 // Server error when saving|I get an "Internal Server Error" when I save a record. // Saving a form fails with error 500.
technical|LMH|Very slow // Performance problems|{p} has been very slow since this morning, pages take 30 seconds to load. // Search takes forever.
technical|HC|Site down // Cannot reach {p}|{p} is not loading at all, just a blank page. // Your service is down, we get a 503 for everything.
technical|MH|Sync not working // Data not syncing|Changes I make on my laptop don't show up on my phone. // The sync between {p} and our CRM stopped.
technical|LM|Button doesn't work // Small display bug|The save button in settings does nothing. // Text overlaps in the sidebar on small screens. // The date picker shows the wrong week.
technical|HC|Data lost // Records disappeared|All entries from last week are gone! // After the update half of our projects are missing. // Our database was wiped after the import.
technical|MH|API returns errors // Webhook failing|The API returns 401 for valid tokens. // Our webhook receives no events since yesterday. // The orders endpoint times out.
technical|MH|Export broken // Import fails|The CSV export is empty. // Importing our Excel file fails with "invalid format". // The PDF report is missing all charts.
technical|LM|Notifications not arriving|I don't get email notifications anymore. // Push notifications stopped on Android.
technical|MH|Integration with Slack broken|The Slack integration stopped posting messages. // Google Calendar integration does not sync events.
account|MH|Cannot log in // Login not working|I can't log in, it says my password is wrong. // The login page just reloads when I sign in.
account|MH|Password reset email not received // Reset link expired|I requested a password reset but never got the email. // The password reset link says it has expired.
account|MH|2FA code not accepted // Lost my phone with authenticator|My two-factor code is always rejected. // I got a new phone and cannot get the 2FA codes anymore.
account|L|Change email address // Update my profile|How do I change the email address on my account? // Please update my phone number in my profile.
account|LM|Add a user // Permissions for a colleague|Please give my colleague admin rights. // How do I add a new user to our team? // A team member cannot see the reports, which role does she need?
account|LM|Delete my account // Close account|Please delete my account and all my data. // I would like to close our account.
account|C|Account hacked // Suspicious login|Someone logged into my account from Russia and changed my password. // My account was hacked, there are orders I didn't make. // We see logins from unknown IP addresses on an admin account.
account|HC|Locked out // Account locked|Our only admin is locked out and nobody can manage users. // My account got locked after too many attempts.
account|LM|SSO question // Single sign-on setup|How can we set up SSO with Azure AD? // Our SAML login shows an error for new employees.
account|L|Rename username|Can I change my username? // I'd like to change the display name shown to customers.
general|L|Feature request // Suggestion|It would be great to have a dark mode. // Could you add an option to export to Excel? // Please add keyboard shortcuts.
general|L|Where is the documentation? // How do I use reports|Where can I find the user guide? // Is there a tutorial for setting up automations?
general|L|Feedback // Love the new version|Just wanted to say the new design is great. // The latest update is much better, thank you!
general|LM|Training for our team // Onboarding session|Do you offer training for new employees? // Can we book an onboarding call next month?
general|L|Opening hours // Holiday support|Is support available on weekends? // Will you be open over Christmas?
general|LM|Partnership // Reseller question|We'd like to become a reseller. // Are you interested in a partnership with our agency?
general|L|GDPR question // Where is data stored|Where are your servers located? // Do you have a data processing agreement?
general|LM|Complaint about support|Nobody answered my last email for a week. // I am not happy with how my previous ticket was handled.
general|L|Roadmap question|Is an offline mode planned? // When will the new reporting module be released?
""",
}

POOLS["de"] = {
    "greet": ["Hallo,", "Guten Tag,", "Sehr geehrte Damen und Herren,", "Hallo zusammen,", "Liebes Support-Team,", "Moin,", "Hi,", "Guten Morgen,", "Servus,"],
    "close": ["Danke!", "Vielen Dank im Voraus.", "Mit freundlichen Grüßen", "Viele Grüße", "Beste Grüße", "LG", "Danke und Gruß", "MfG", "Freundliche Grüße"],
    "names": ["Thomas Müller", "Anna Schmidt", "Jürgen Weber", "Katrin Becker", "Lukas Hoffmann", "Sabine Fischer", "Stefan Wagner"],
    "quote_head": ["Am 03.03.2026 um 10:14 schrieb {name} <hilfe@ledgerly.example>:", "-----Ursprüngliche Nachricht-----\nVon: {name}", "{name} schrieb:"],
    "quoted": ["Vielen Dank für Ihre Nachricht. Könnten Sie uns einen Screenshot schicken?\nIhr Support-Team", "Wir haben Ihre Anfrage an die Fachabteilung weitergeleitet.", "Ihr Ticket #48213 ist bei uns eingegangen."],
    "extra": ["Ich nutze Firefox unter Windows 10.", "Wir haben den Business-Tarif.", "Unsere Kundennummer ist 77120.", "Screenshot anbei.", "Das passiert seit dem letzten Update.", "Cache habe ich schon gelöscht.", "Bei meinem Kollegen ist es genauso.", "Auf dem Handy dasselbe."],
    "imp": {
        "L": ["Keine Eile.", "Nicht dringend, nur eine Frage.", "Wenn Sie mal Zeit haben.", "Ist nur eine Kleinigkeit.", "Nur als Hinweis, nichts Dringendes.", "Hat keine Eile, danke."],
        "M": ["Es gibt einen Workaround, aber es nervt.", "Ich kann weiterarbeiten, aber es bremst mich.", "Bitte schauen Sie sich das diese Woche an.", "Betrifft nur mich und eine Kollegin.", "Nicht blockierend, sollte aber behoben werden.", "Wir haben vorerst eine Umgehungslösung."],
        "H": ["Das blockiert meine Arbeit.", "Unser Team kann so nicht arbeiten.", "Kunden warten und wir können sie nicht bedienen.", "Bitte dringend helfen, wir kommen nicht weiter.", "Wir haben morgen eine Deadline und hängen fest.", "Ich kann heute gar nicht arbeiten."],
        "C": ["Die ganze Firma steht still!", "Alle Nutzer sind betroffen, nichts geht mehr.", "Das ist ein Sicherheitsvorfall.", "Wir verlieren Daten!", "Produktion komplett ausgefallen, DRINGEND.", "Wir verlieren jede Minute Umsatz, alle Kunden betroffen.", "Wir sehen Daten anderer Kunden, das ist ein Datenleck.", "Notfall: der gesamte Dienst ist offline."],
    },
    "scen": """
billing|MH|Doppelt abgebucht // Zweimal belastet|Sie haben den Monatsbeitrag zweimal von meinem Konto abgebucht. // Auf meiner Kreditkarte sehe ich zwei identische Zahlungen für {p}.
billing|LM|Rückerstattung // Geld zurück|Ich habe letzte Woche gekündigt und möchte den Restbetrag erstattet bekommen. // Bitte erstatten Sie die Jahresgebühr, wir nutzen {p} nicht mehr.
billing|LM|Rechnungsadresse falsch // Falscher Firmenname auf Rechnung|Auf der Rechnung steht noch unsere alte Adresse. // Unsere USt-IdNr. fehlt auf der letzten Rechnung.
billing|L|Frage zu den Preisen // Was kostet der Pro-Tarif?|Ist der Preis pro Nutzer oder pro Team? // Gibt es Rabatt für Vereine? // Was ist der Unterschied zwischen Standard und Premium?
billing|LM|Tarif wechseln // Abo herabstufen|Wie kann ich von Premium auf Basic wechseln? // Wir möchten auf jährliche Zahlung umstellen.
billing|HC|Zahlung fehlgeschlagen, Konto gesperrt // Konto wegen Zahlung gesperrt|Die Lastschrift ist fehlgeschlagen und jetzt ist {p} für das ganze Team gesperrt. // Sie haben unser Konto gesperrt, obwohl die Rechnung bezahlt ist.
billing|MH|Karte abgelehnt // Zahlungsmethode ändern geht nicht|Meine Karte wird bei der Verlängerung immer abgelehnt. // Beim Ändern der Kreditkarte kommt eine Fehlermeldung.
billing|LM|Rechnung fehlt // Kopie der Rechnung|Ich finde die Rechnung für Februar nicht in {p}. // Können Sie mir die Belege der letzten drei Monate schicken?
billing|MH|Falscher Betrag abgebucht // Preiserhöhung?|Uns wurden 499 EUR statt 299 EUR berechnet. // Der Rechnungsbetrag ist höher als im Vertrag vereinbart.
technical|HC|App stürzt ab // {p} stürzt beim Start ab|{p} stürzt sofort nach dem Öffnen ab. // Jedes Mal, wenn ich auf Exportieren klicke, schließt sich das Programm.
technical|MH|Fehler 500 // Serverfehler beim Speichern|Beim Speichern eines Datensatzes kommt "Internal Server Error". // Das Formular lässt sich nicht speichern, Fehler 500.
technical|LMH|Sehr langsam // Performance-Probleme|{p} ist seit heute früh extrem langsam, Seiten laden 30 Sekunden. // Die Suche dauert ewig.
technical|HC|Seite nicht erreichbar // {p} down|{p} lädt gar nicht, nur eine weiße Seite. // Ihr Dienst ist ausgefallen, wir bekommen überall 503.
technical|MH|Synchronisation funktioniert nicht // Daten werden nicht synchronisiert|Änderungen am Laptop erscheinen nicht auf dem Handy. // Die Synchronisierung zwischen {p} und unserem CRM ist stehen geblieben.
technical|LM|Button reagiert nicht // Kleiner Anzeigefehler|Der Speichern-Knopf in den Einstellungen tut nichts. // Im Menü überlappt der Text auf kleinen Bildschirmen.
technical|HC|Daten verloren // Einträge verschwunden|Alle Einträge der letzten Woche sind weg! // Nach dem Update fehlt die Hälfte unserer Projekte.
technical|MH|API liefert Fehler // Webhook funktioniert nicht|Die API gibt 401 zurück, obwohl das Token gültig ist. // Unser Webhook bekommt seit gestern keine Events mehr.
technical|MH|Export kaputt // Import schlägt fehl|Der CSV-Export ist leer. // Der Import unserer Excel-Datei bricht mit "ungültiges Format" ab.
technical|LM|Benachrichtigungen kommen nicht an|Ich bekomme keine E-Mail-Benachrichtigungen mehr. // Push-Nachrichten auf Android funktionieren nicht mehr.
account|MH|Anmeldung nicht möglich // Login geht nicht|Ich kann mich nicht einloggen, angeblich ist mein Passwort falsch. // Die Anmeldeseite lädt nach dem Login einfach neu.
account|MH|Passwort-Reset-Mail kommt nicht // Link abgelaufen|Ich habe das Passwort zurückgesetzt, aber keine E-Mail bekommen. // Der Link zum Zurücksetzen ist angeblich abgelaufen.
account|MH|2FA-Code wird nicht akzeptiert // Handy mit Authenticator verloren|Mein Zwei-Faktor-Code wird immer abgelehnt. // Ich habe ein neues Handy und bekomme keine 2FA-Codes mehr.
account|L|E-Mail-Adresse ändern // Profil aktualisieren|Wie ändere ich die E-Mail-Adresse meines Kontos? // Bitte aktualisieren Sie meine Telefonnummer im Profil.
account|LM|Benutzer hinzufügen // Berechtigungen für Kollegen|Bitte geben Sie meinem Kollegen Admin-Rechte. // Wie lege ich einen neuen Benutzer an? // Eine Mitarbeiterin sieht die Berichte nicht, welche Rolle braucht sie?
account|LM|Konto löschen // Account kündigen|Bitte löschen Sie mein Konto und alle meine Daten. // Wir möchten unseren Account schließen.
account|C|Konto gehackt // Verdächtige Anmeldung|Jemand hat sich aus dem Ausland in mein Konto eingeloggt und das Passwort geändert. // Mein Account wurde gehackt, es gibt Bestellungen, die ich nicht gemacht habe.
account|HC|Ausgesperrt // Konto gesperrt|Unser einziger Admin ist ausgesperrt und niemand kann Benutzer verwalten. // Mein Konto wurde nach zu vielen Versuchen gesperrt.
account|LM|Frage zu SSO // Single Sign-On einrichten|Wie richten wir SSO mit Azure AD ein? // Der SAML-Login zeigt bei neuen Mitarbeitern einen Fehler.
general|L|Funktionswunsch // Vorschlag|Ein Dark Mode wäre super. // Könnten Sie einen Export nach Excel einbauen? // Bitte Tastaturkürzel hinzufügen.
general|L|Wo finde ich die Dokumentation? // Anleitung für Berichte|Wo finde ich das Benutzerhandbuch? // Gibt es ein Tutorial für Automatisierungen?
general|L|Feedback // Lob für die neue Version|Wollte nur sagen, das neue Design ist klasse. // Das letzte Update ist viel besser, danke!
general|LM|Schulung für unser Team // Onboarding-Termin|Bieten Sie Schulungen für neue Mitarbeiter an? // Können wir nächsten Monat einen Onboarding-Termin buchen?
general|L|Öffnungszeiten // Support an Feiertagen|Ist der Support am Wochenende erreichbar? // Haben Sie zwischen den Jahren geöffnet?
general|LM|Partnerschaft // Frage zum Wiederverkauf|Wir würden gern Vertriebspartner werden. // Interesse an einer Zusammenarbeit mit unserer Agentur?
general|L|Datenschutzfrage // Wo werden die Daten gespeichert|Wo stehen Ihre Server? // Haben Sie einen Auftragsverarbeitungsvertrag (AVV)?
general|LM|Beschwerde über den Support|Auf meine letzte Mail hat seit einer Woche niemand geantwortet. // Ich bin unzufrieden, wie mein letztes Ticket behandelt wurde.
""",
}

POOLS["fr"] = {
    "greet": ["Bonjour,", "Bonjour à tous,", "Madame, Monsieur,", "Salut,", "Bonsoir,", "Chère équipe support,", "Bonjour l'équipe,"],
    "close": ["Merci !", "Merci d'avance.", "Cordialement,", "Bien cordialement", "Bonne journée", "Merci pour votre aide", "Salutations distinguées", "Bien à vous,"],
    "names": ["Marie Dubois", "Pierre Martin", "Sophie Laurent", "Julien Moreau", "Camille Bernard", "Nicolas Petit"],
    "quote_head": ["Le mar. 3 mars 2026 à 10:14, {name} <aide@ledgerly.example> a écrit :", "-----Message d'origine-----\nDe : {name}", "{name} a écrit :"],
    "quoted": ["Merci pour votre message. Pourriez-vous nous envoyer une capture d'écran ?\nL'équipe support", "Nous avons transmis votre demande à nos spécialistes.", "Votre ticket n°48213 a bien été reçu."],
    "extra": ["J'utilise Chrome sous Windows.", "Nous avons l'abonnement Business.", "Notre numéro client est 66120.", "Capture d'écran en pièce jointe.", "Cela a commencé après la dernière mise à jour.", "J'ai déjà vidé le cache.", "Mon collègue a le même souci."],
    "imp": {
        "L": ["Rien d'urgent.", "Pas pressé, c'est juste une question.", "Quand vous aurez le temps.", "C'est un détail.", "Juste pour info, rien de bloquant."],
        "M": ["Il y a un contournement mais c'est pénible.", "Je peux continuer à travailler mais ça me ralentit.", "Pourriez-vous regarder cette semaine ?", "Ça ne touche que moi et une collègue.", "Pas bloquant, mais à corriger."],
        "H": ["Cela bloque mon travail.", "Notre équipe ne peut plus travailler.", "Des clients attendent et nous ne pouvons pas les servir.", "Merci de faire vite, nous sommes bloqués.", "Nous avons une échéance demain et c'est bloquant.", "Je ne peux pas travailler aujourd'hui."],
        "C": ["Toute l'entreprise est à l'arrêt !", "Tous les utilisateurs sont touchés, plus rien ne marche.", "C'est un incident de sécurité.", "Nous perdons des données !", "La production est complètement en panne, URGENT.", "Tous nos clients sont impactés, nous perdons de l'argent.", "Nous voyons les données d'autres clients, c'est une fuite de données."],
    },
    "scen": """
billing|MH|Prélevé deux fois // Double paiement|Vous avez prélevé l'abonnement deux fois ce mois-ci. // Je vois deux paiements identiques pour {p} sur ma carte.
billing|LM|Demande de remboursement // Remboursement|J'ai résilié la semaine dernière et je voudrais être remboursé. // Merci de rembourser les frais annuels, nous n'utilisons plus {p}.
billing|LM|Adresse de facturation erronée // Mauvais nom sur la facture|La facture indique notre ancienne adresse. // Notre numéro de TVA n'apparaît pas sur la dernière facture.
billing|L|Question sur les tarifs // Combien coûte l'offre Pro ?|Le prix est-il par utilisateur ou par équipe ? // Avez-vous des réductions pour les associations ?
billing|LM|Changer d'offre // Passer à l'abonnement annuel|Comment passer de Premium à Basic ? // Nous voulons être facturés annuellement.
billing|HC|Paiement refusé, compte suspendu // Compte bloqué|Le prélèvement a échoué et {p} est bloqué pour toute l'équipe. // Vous avez suspendu notre compte alors que la facture est payée.
billing|MH|Carte refusée // Impossible de changer de moyen de paiement|Ma carte est toujours refusée lors du renouvellement. // La page pour changer la carte bancaire affiche une erreur.
billing|LM|Facture manquante // Copie de facture|Je ne trouve pas la facture de février dans {p}. // Pouvez-vous m'envoyer les reçus des trois derniers mois ?
billing|MH|Montant incorrect // Augmentation de prix ?|On nous a facturé 499 € au lieu de 299 €. // Le montant de la facture ne correspond pas au contrat.
technical|HC|L'application plante // {p} plante au démarrage|{p} plante dès que je l'ouvre. // Le logiciel se ferme chaque fois que je clique sur Exporter.
technical|MH|Erreur 500 // Erreur serveur à l'enregistrement|J'ai une "Internal Server Error" en enregistrant une fiche. // Impossible d'enregistrer le formulaire, erreur 500.
technical|LMH|Très lent // Problèmes de performance|{p} est très lent depuis ce matin, les pages mettent 30 secondes. // La recherche prend une éternité.
technical|HC|Site inaccessible // {p} en panne|{p} ne charge plus du tout, page blanche. // Votre service est en panne, nous avons des erreurs 503 partout.
technical|MH|Synchronisation en panne|Les modifications faites sur mon ordinateur n'apparaissent pas sur mon téléphone. // La synchronisation entre {p} et notre CRM s'est arrêtée.
technical|LM|Bouton qui ne marche pas // Petit bug d'affichage|Le bouton Enregistrer dans les paramètres ne fait rien. // Le texte se chevauche dans le menu sur petit écran.
technical|HC|Données perdues // Enregistrements disparus|Toutes les saisies de la semaine dernière ont disparu ! // Après la mise à jour la moitié de nos projets manque.
technical|MH|L'API renvoie des erreurs // Webhook en échec|L'API renvoie 401 alors que le jeton est valide. // Notre webhook ne reçoit plus d'événements depuis hier.
technical|MH|Export cassé // Import impossible|L'export CSV est vide. // L'import de notre fichier Excel échoue avec "format invalide".
technical|LM|Notifications non reçues|Je ne reçois plus les notifications par e-mail. // Les notifications push ne marchent plus sur Android.
account|MH|Impossible de me connecter // Connexion impossible|Je n'arrive pas à me connecter, il dit que le mot de passe est faux. // La page de connexion se recharge sans arrêt.
account|MH|E-mail de réinitialisation non reçu // Lien expiré|J'ai demandé à réinitialiser mon mot de passe mais je n'ai rien reçu. // Le lien de réinitialisation a expiré.
account|MH|Code 2FA refusé // Téléphone perdu|Mon code de double authentification est toujours refusé. // J'ai changé de téléphone et je ne reçois plus les codes.
account|L|Changer d'adresse e-mail // Modifier mon profil|Comment modifier l'adresse e-mail de mon compte ? // Merci de mettre à jour mon numéro de téléphone dans mon profil.
account|LM|Ajouter un utilisateur // Droits pour un collègue|Merci de donner les droits administrateur à mon collègue. // Comment ajouter un nouvel utilisateur à l'équipe ?
account|LM|Supprimer mon compte // Fermer le compte|Merci de supprimer mon compte et toutes mes données. // Nous souhaitons clôturer notre compte.
account|C|Compte piraté // Connexion suspecte|Quelqu'un s'est connecté à mon compte depuis l'étranger et a changé mon mot de passe. // Mon compte a été piraté, il y a des commandes que je n'ai pas passées.
account|HC|Compte bloqué // Verrouillé|Notre seul administrateur est bloqué et personne ne peut gérer les utilisateurs. // Mon compte est verrouillé après trop de tentatives.
account|LM|Question sur le SSO|Comment configurer le SSO avec Azure AD ? // La connexion SAML affiche une erreur pour les nouveaux employés.
general|L|Suggestion de fonctionnalité // Idée|Un mode sombre serait génial. // Pourriez-vous ajouter un export Excel ? // Ce serait bien d'avoir des raccourcis clavier.
general|L|Où est la documentation ? // Mode d'emploi|Où trouver le guide utilisateur ? // Existe-t-il un tutoriel pour les automatisations ?
general|L|Retour d'expérience // Bravo pour la nouvelle version|Je voulais juste dire que le nouveau design est top. // La dernière mise à jour est bien meilleure, merci !
general|LM|Formation pour notre équipe|Proposez-vous des formations pour les nouveaux employés ? // Pouvons-nous réserver une session de prise en main ?
general|L|Horaires d'ouverture // Support pendant les fêtes|Le support est-il disponible le week-end ? // Êtes-vous ouverts entre Noël et le Nouvel An ?
general|LM|Partenariat // Revendeur|Nous aimerions devenir revendeur. // Seriez-vous intéressés par un partenariat avec notre agence ?
general|L|Question RGPD // Où sont stockées les données|Où se trouvent vos serveurs ? // Avez-vous un contrat de sous-traitance RGPD ?
general|LM|Réclamation sur le support|Personne n'a répondu à mon dernier e-mail depuis une semaine. // Je ne suis pas satisfait du traitement de mon dernier ticket.
""",
}

POOLS["es"] = {
    "greet": ["Hola,", "Buenos días,", "Buenas tardes,", "Estimado equipo de soporte,", "Hola equipo,", "Buenas,", "A quien corresponda:"],
    "close": ["¡Gracias!", "Gracias de antemano.", "Saludos,", "Un saludo", "Atentamente,", "Muchas gracias", "Quedo atento a su respuesta.", "Saludos cordiales"],
    "names": ["Carlos García", "Lucía Fernández", "Javier López", "María Martínez", "Pablo Sánchez", "Elena Gómez"],
    "quote_head": ["El mar, 3 mar 2026 a las 10:14, {name} <ayuda@ledgerly.example> escribió:", "-----Mensaje original-----\nDe: {name}", "{name} escribió:"],
    "quoted": ["Gracias por contactarnos. ¿Podría enviarnos una captura de pantalla?\nEl equipo de soporte", "Hemos reenviado su solicitud a nuestros especialistas.", "Hemos recibido su ticket n.º 48213."],
    "extra": ["Uso Chrome en Windows.", "Tenemos el plan Business.", "Nuestro número de cliente es 88120.", "Adjunto captura de pantalla.", "Empezó después de la última actualización.", "Ya borré la caché.", "A mi compañero le pasa lo mismo."],
    "imp": {
        "L": ["No corre prisa.", "No es urgente, solo una duda.", "Cuando tengan tiempo.", "Es una tontería.", "Solo para que lo sepan, nada grave."],
        "M": ["Hay una forma de evitarlo, pero es molesto.", "Puedo seguir trabajando, pero me retrasa.", "¿Pueden revisarlo esta semana?", "Solo nos afecta a mí y a una compañera.", "No bloquea, pero habría que arreglarlo."],
        "H": ["Esto bloquea mi trabajo.", "Nuestro equipo no puede trabajar.", "Hay clientes esperando y no podemos atenderlos.", "Por favor, ayuda pronto, estamos bloqueados.", "Tenemos una entrega mañana y esto nos bloquea.", "Hoy no puedo trabajar nada."],
        "C": ["¡Toda la empresa está parada!", "Todos los usuarios afectados, no funciona nada.", "Es un incidente de seguridad.", "¡Estamos perdiendo datos!", "Producción caída por completo, URGENTE.", "Todos nuestros clientes están afectados, estamos perdiendo dinero.", "Vemos datos de otros clientes, es una filtración de datos."],
    },
    "scen": """
billing|MH|Cobro duplicado // Me cobraron dos veces|Me han cobrado la suscripción dos veces este mes. // Veo dos cargos idénticos de {p} en mi tarjeta.
billing|LM|Solicitud de reembolso // Devolución|Cancelé la semana pasada y quiero que me devuelvan el dinero. // Por favor reembolsen la cuota anual, ya no usamos {p}.
billing|LM|Dirección de facturación incorrecta // Nombre erróneo en la factura|La factura tiene nuestra dirección antigua. // Falta nuestro CIF en la última factura.
billing|L|Pregunta sobre precios // ¿Cuánto cuesta el plan Pro?|¿El precio es por usuario o por equipo? // ¿Tienen descuento para ONG?
billing|LM|Cambiar de plan // Pasar a facturación anual|¿Cómo paso de Premium a Básico? // Queremos pagar anualmente en lugar de mensualmente.
billing|HC|Pago fallido, cuenta suspendida // Cuenta bloqueada por impago|El pago falló y ahora {p} está bloqueado para todo el equipo. // Han suspendido nuestra cuenta aunque la factura está pagada.
billing|MH|Tarjeta rechazada // No puedo cambiar el método de pago|Mi tarjeta siempre es rechazada al renovar. // La página para cambiar la tarjeta da error.
billing|LM|Falta una factura // Copia de factura|No encuentro la factura de febrero en {p}. // ¿Me pueden enviar los recibos de los últimos tres meses?
billing|MH|Importe incorrecto // ¿Subida de precio?|Nos cobraron 499 € en vez de 299 €. // El importe de la factura no coincide con el contrato.
technical|HC|La aplicación se cierra // {p} se cuelga al arrancar|{p} se cierra nada más abrirlo. // Cada vez que pulso Exportar el programa se cuelga.
technical|MH|Error 500 // Error del servidor al guardar|Me sale "Internal Server Error" al guardar un registro. // No se puede guardar el formulario, error 500.
technical|LMH|Muy lento // Problemas de rendimiento|{p} va lentísimo desde esta mañana, las páginas tardan 30 segundos. // La búsqueda tarda una eternidad.
technical|HC|Web caída // {p} no funciona|{p} no carga nada, solo una página en blanco. // Su servicio está caído, recibimos error 503 en todo.
technical|MH|La sincronización no funciona|Los cambios del portátil no aparecen en el móvil. // La sincronización entre {p} y nuestro CRM se ha parado.
technical|LM|El botón no hace nada // Pequeño fallo visual|El botón Guardar de la configuración no hace nada. // El texto se superpone en el menú en pantallas pequeñas.
technical|HC|Datos perdidos // Registros desaparecidos|¡Han desaparecido todos los registros de la semana pasada! // Tras la actualización falta la mitad de nuestros proyectos.
technical|MH|La API devuelve errores // Webhook falla|La API devuelve 401 con un token válido. // Nuestro webhook no recibe eventos desde ayer.
technical|MH|Exportación rota // Falla la importación|La exportación a CSV sale vacía. // La importación del Excel falla con "formato no válido".
technical|LM|No llegan las notificaciones|Ya no recibo notificaciones por correo. // Las notificaciones push no funcionan en Android.
account|MH|No puedo iniciar sesión // Error al entrar|No puedo entrar, dice que la contraseña es incorrecta. // La página de inicio de sesión se recarga sin más.
account|MH|No llega el correo para restablecer la contraseña // Enlace caducado|Pedí restablecer la contraseña pero no me llegó nada. // El enlace para restablecer dice que ha caducado.
account|MH|Código 2FA no aceptado // Perdí el móvil|Mi código de verificación en dos pasos siempre es rechazado. // Cambié de móvil y ya no recibo los códigos.
account|L|Cambiar el correo // Actualizar mi perfil|¿Cómo cambio el correo electrónico de mi cuenta? // Por favor actualicen mi teléfono en el perfil.
account|LM|Añadir un usuario // Permisos para un compañero|Por favor den permisos de administrador a mi compañero. // ¿Cómo añado un usuario nuevo al equipo?
account|LM|Eliminar mi cuenta // Dar de baja la cuenta|Por favor eliminen mi cuenta y todos mis datos. // Queremos cerrar nuestra cuenta.
account|C|Cuenta hackeada // Inicio de sesión sospechoso|Alguien entró en mi cuenta desde otro país y cambió la contraseña. // Me han hackeado la cuenta, hay pedidos que no hice yo.
account|HC|Cuenta bloqueada // Sin acceso|Nuestro único administrador está bloqueado y nadie puede gestionar usuarios. // Mi cuenta se bloqueó tras demasiados intentos.
account|LM|Pregunta sobre SSO|¿Cómo configuramos el SSO con Azure AD? // El inicio de sesión SAML da error a los empleados nuevos.
general|L|Sugerencia de función // Idea|Estaría genial tener modo oscuro. // ¿Podrían añadir exportación a Excel? // Sería útil tener atajos de teclado.
general|L|¿Dónde está la documentación? // Manual de uso|¿Dónde encuentro la guía de usuario? // ¿Hay algún tutorial para las automatizaciones?
general|L|Comentarios // Enhorabuena por la nueva versión|Solo quería decir que el nuevo diseño es genial. // La última actualización es mucho mejor, ¡gracias!
general|LM|Formación para el equipo|¿Ofrecen formación para empleados nuevos? // ¿Podemos reservar una sesión de incorporación?
general|L|Horario de atención // Soporte en festivos|¿Hay soporte los fines de semana? // ¿Abren en Navidad?
general|LM|Colaboración // Distribuidor|Nos gustaría ser distribuidores. // ¿Les interesa colaborar con nuestra agencia?
general|L|Pregunta RGPD // Dónde se guardan los datos|¿Dónde están sus servidores? // ¿Tienen un contrato de encargado del tratamiento?
general|LM|Queja sobre el soporte|Nadie ha respondido a mi último correo en una semana. // No estoy contento con cómo se gestionó mi último ticket.
""",
}

POOLS["pt"] = {
    "greet": ["Olá,", "Bom dia,", "Boa tarde,", "Prezados,", "Oi,", "Olá equipe,", "Caro suporte,"],
    "close": ["Obrigado!", "Obrigada desde já.", "Atenciosamente,", "Cumprimentos,", "Abraço", "Muito obrigado", "Aguardo retorno.", "Att,"],
    "names": ["João Silva", "Ana Souza", "Pedro Oliveira", "Mariana Costa", "Rafael Santos", "Beatriz Lima"],
    "quote_head": ["Em ter., 3 de mar. de 2026 às 10:14, {name} <ajuda@ledgerly.example> escreveu:", "-----Mensagem original-----\nDe: {name}", "{name} escreveu:"],
    "quoted": ["Obrigado pelo contato. Pode nos enviar uma captura de tela?\nEquipe de suporte", "Encaminhamos seu pedido aos nossos especialistas.", "Recebemos o seu ticket nº 48213."],
    "extra": ["Uso o Chrome no Windows.", "Temos o plano Business.", "Nosso número de cliente é 99120.", "Segue print em anexo.", "Começou depois da última atualização.", "Já limpei o cache.", "Meu colega tem o mesmo problema."],
    "imp": {
        "L": ["Sem pressa.", "Não é urgente, só uma dúvida.", "Quando puderem.", "É só um detalhe.", "Só para avisar, nada grave."],
        "M": ["Tem um jeito de contornar, mas é chato.", "Consigo trabalhar, mas atrasa.", "Podem ver isso esta semana?", "Só afeta a mim e a uma colega.", "Não bloqueia, mas precisa ser corrigido."],
        "H": ["Isso está bloqueando o meu trabalho.", "Nossa equipe não consegue trabalhar.", "Tem clientes esperando e não conseguimos atender.", "Por favor, ajudem rápido, estamos travados.", "Temos um prazo amanhã e isso nos bloqueia.", "Não consigo trabalhar hoje."],
        "C": ["A empresa inteira está parada!", "Todos os usuários afetados, nada funciona.", "É um incidente de segurança.", "Estamos perdendo dados!", "Produção totalmente fora do ar, URGENTE.", "Todos os nossos clientes afetados, estamos perdendo dinheiro.", "Vemos dados de outros clientes, é um vazamento de dados."],
    },
    "scen": """
billing|MH|Cobrança duplicada // Cobrado duas vezes|Fui cobrado duas vezes pela assinatura este mês. // Aparecem duas cobranças iguais de {p} no meu cartão.
billing|LM|Pedido de reembolso // Estorno|Cancelei semana passada e quero o reembolso. // Por favor reembolsem a anuidade, não usamos mais {p}.
billing|LM|Endereço de cobrança errado // Nome errado na fatura|A fatura está com nosso endereço antigo. // Falta o nosso CNPJ na última nota fiscal.
billing|L|Dúvida sobre preços // Quanto custa o plano Pro?|O preço é por usuário ou por equipe? // Vocês têm desconto para ONGs?
billing|LM|Mudar de plano // Pagamento anual|Como mudo do Premium para o Básico? // Queremos pagar anualmente em vez de mensal.
billing|HC|Pagamento falhou, conta suspensa // Conta bloqueada|O pagamento falhou e agora {p} está bloqueado para a equipe toda. // Vocês suspenderam nossa conta mas a fatura está paga.
billing|MH|Cartão recusado // Não consigo trocar a forma de pagamento|Meu cartão é sempre recusado na renovação. // A página para trocar o cartão dá erro.
billing|LM|Fatura em falta // Segunda via da fatura|Não encontro a fatura de fevereiro no {p}. // Podem me enviar os recibos dos últimos três meses?
billing|MH|Valor errado // Aumento de preço?|Cobraram 499 € em vez de 299 €. // O valor da fatura não bate com o contrato.
technical|HC|O aplicativo trava // {p} fecha ao abrir|O {p} fecha assim que abro. // Toda vez que clico em Exportar o programa trava.
technical|MH|Erro 500 // Erro no servidor ao salvar|Aparece "Internal Server Error" ao salvar um registro. // Não consigo salvar o formulário, erro 500.
technical|LMH|Muito lento // Problemas de desempenho|O {p} está muito lento desde hoje de manhã, as páginas demoram 30 segundos. // A pesquisa demora uma eternidade.
technical|HC|Site fora do ar // {p} caiu|O {p} não carrega nada, só uma página em branco. // O serviço de vocês caiu, recebemos erro 503 em tudo.
technical|MH|Sincronização não funciona|As alterações no notebook não aparecem no celular. // A sincronização entre o {p} e o nosso CRM parou.
technical|LM|Botão não funciona // Pequeno erro de exibição|O botão Salvar nas configurações não faz nada. // O texto fica sobreposto no menu em telas pequenas.
technical|HC|Dados perdidos // Registros sumiram|Todos os registros da semana passada sumiram! // Depois da atualização metade dos projetos desapareceu.
technical|MH|A API retorna erros // Webhook falhando|A API retorna 401 com um token válido. // Nosso webhook não recebe eventos desde ontem.
technical|MH|Exportação quebrada // Importação falha|A exportação CSV vem vazia. // A importação do Excel falha com "formato inválido".
technical|LM|Notificações não chegam|Não recebo mais notificações por e-mail. // As notificações push pararam no Android.
account|MH|Não consigo entrar // Erro de login|Não consigo fazer login, diz que a senha está errada. // A página de login só recarrega.
account|MH|E-mail de redefinição de senha não chega // Link expirado|Pedi para redefinir a senha mas não recebi nada. // O link de redefinição diz que expirou.
account|MH|Código 2FA não aceito // Perdi o celular|Meu código de verificação em duas etapas é sempre recusado. // Troquei de celular e não recebo mais os códigos.
account|L|Alterar e-mail // Atualizar meu perfil|Como altero o e-mail da minha conta? // Por favor atualizem meu telefone no perfil.
account|LM|Adicionar usuário // Permissões para um colega|Por favor deem acesso de administrador ao meu colega. // Como adiciono um novo usuário à equipe?
account|LM|Excluir minha conta // Encerrar conta|Por favor excluam minha conta e todos os meus dados. // Queremos encerrar nossa conta.
account|C|Conta hackeada // Login suspeito|Alguém entrou na minha conta de outro país e mudou a senha. // Minha conta foi invadida, tem pedidos que eu não fiz.
account|HC|Conta bloqueada // Sem acesso|Nosso único administrador está bloqueado e ninguém consegue gerenciar usuários. // Minha conta foi bloqueada depois de muitas tentativas.
account|LM|Dúvida sobre SSO|Como configuramos o SSO com o Azure AD? // O login SAML dá erro para funcionários novos.
general|L|Sugestão de funcionalidade // Ideia|Seria ótimo ter modo escuro. // Podiam adicionar exportação para Excel? // Atalhos de teclado ajudariam muito.
general|L|Onde está a documentação? // Manual|Onde encontro o guia do usuário? // Tem algum tutorial de automações?
general|L|Feedback // Parabéns pela nova versão|Só queria dizer que o novo design ficou ótimo. // A última atualização está muito melhor, obrigado!
general|LM|Treinamento para a equipe|Vocês oferecem treinamento para novos funcionários? // Podemos agendar uma sessão de onboarding?
general|L|Horário de atendimento // Suporte nos feriados|Tem suporte no fim de semana? // Vocês funcionam no Natal?
general|LM|Parceria // Revenda|Gostaríamos de ser revendedores. // Vocês têm interesse numa parceria com a nossa agência?
general|L|Dúvida sobre LGPD // Onde ficam os dados|Onde ficam os servidores de vocês? // Vocês têm um acordo de tratamento de dados?
general|LM|Reclamação sobre o atendimento|Ninguém respondeu meu último e-mail há uma semana. // Não gostei de como meu último chamado foi tratado.
""",
}

POOLS["it"] = {
    "greet": ["Ciao,", "Buongiorno,", "Salve,", "Gentile supporto,", "Buonasera,", "Spettabile assistenza,", "Ciao a tutti,"],
    "close": ["Grazie!", "Grazie in anticipo.", "Cordiali saluti,", "Saluti,", "Distinti saluti", "Grazie mille", "Resto in attesa di un riscontro.", "Un saluto"],
    "names": ["Marco Rossi", "Giulia Bianchi", "Luca Romano", "Francesca Russo", "Alessandro Ferrari", "Chiara Esposito"],
    "quote_head": ["Il giorno mar 3 mar 2026 alle 10:14 {name} <aiuto@ledgerly.example> ha scritto:", "-----Messaggio originale-----\nDa: {name}", "{name} ha scritto:"],
    "quoted": ["Grazie per averci contattato. Può inviarci uno screenshot?\nIl team di supporto", "Abbiamo inoltrato la sua richiesta ai nostri specialisti.", "Abbiamo ricevuto il suo ticket n. 48213."],
    "extra": ["Uso Chrome su Windows.", "Abbiamo il piano Business.", "Il nostro codice cliente è 11230.", "Allego uno screenshot.", "È iniziato dopo l'ultimo aggiornamento.", "Ho già svuotato la cache.", "Anche un mio collega ha lo stesso problema."],
    "imp": {
        "L": ["Nessuna fretta.", "Non è urgente, è solo una domanda.", "Quando avete tempo.", "È una piccolezza.", "Solo per segnalarlo, niente di grave."],
        "M": ["C'è un modo per aggirarlo, ma è fastidioso.", "Riesco a lavorare, ma mi rallenta.", "Potete guardarci questa settimana?", "Riguarda solo me e una collega.", "Non è bloccante, ma va sistemato."],
        "H": ["Questo mi blocca il lavoro.", "Il nostro team non riesce a lavorare.", "Ci sono clienti in attesa e non possiamo servirli.", "Aiutateci presto, siamo bloccati.", "Abbiamo una scadenza domani e siamo fermi.", "Oggi non riesco a lavorare."],
        "C": ["Tutta l'azienda è ferma!", "Tutti gli utenti coinvolti, non funziona niente.", "È un incidente di sicurezza.", "Stiamo perdendo dati!", "Produzione completamente giù, URGENTE.", "Tutti i nostri clienti sono coinvolti, stiamo perdendo soldi.", "Vediamo i dati di altri clienti, è una fuga di dati."],
    },
    "scen": """
billing|MH|Addebito doppio // Pagato due volte|Mi avete addebitato l'abbonamento due volte questo mese. // Vedo due addebiti uguali di {p} sulla carta.
billing|LM|Richiesta di rimborso // Rimborso|Ho disdetto la settimana scorsa e vorrei il rimborso. // Per favore rimborsate il canone annuale, non usiamo più {p}.
billing|LM|Indirizzo di fatturazione errato // Nome sbagliato in fattura|La fattura riporta il nostro vecchio indirizzo. // Manca la nostra partita IVA sull'ultima fattura.
billing|L|Domanda sui prezzi // Quanto costa il piano Pro?|Il prezzo è per utente o per team? // Avete sconti per le associazioni?
billing|LM|Cambiare piano // Fatturazione annuale|Come passo da Premium a Basic? // Vogliamo pagare annualmente invece che mensilmente.
billing|HC|Pagamento non riuscito, account sospeso // Account bloccato|Il pagamento non è andato a buon fine e ora {p} è bloccato per tutto il team. // Avete sospeso il nostro account anche se la fattura è pagata.
billing|MH|Carta rifiutata // Non riesco a cambiare metodo di pagamento|La mia carta viene sempre rifiutata al rinnovo. // La pagina per cambiare la carta dà errore.
billing|LM|Fattura mancante // Copia della fattura|Non trovo la fattura di febbraio in {p}. // Potete mandarmi le ricevute degli ultimi tre mesi?
billing|MH|Importo sbagliato // Aumento di prezzo?|Ci avete addebitato 499 € invece di 299 €. // L'importo della fattura non corrisponde al contratto.
technical|HC|L'app si blocca // {p} crasha all'avvio|{p} si chiude appena lo apro. // Ogni volta che clicco Esporta il programma va in crash.
technical|MH|Errore 500 // Errore del server al salvataggio|Compare "Internal Server Error" quando salvo un record. // Non riesco a salvare il modulo, errore 500.
technical|LMH|Lentissimo // Problemi di prestazioni|{p} è lentissimo da stamattina, le pagine ci mettono 30 secondi. // La ricerca ci mette un'eternità.
technical|HC|Sito irraggiungibile // {p} non funziona|{p} non carica per niente, pagina bianca. // Il vostro servizio è down, riceviamo errore 503 ovunque.
technical|MH|La sincronizzazione non funziona|Le modifiche sul portatile non compaiono sul telefono. // La sincronizzazione tra {p} e il nostro CRM si è fermata.
technical|LM|Il pulsante non fa nulla // Piccolo difetto grafico|Il pulsante Salva nelle impostazioni non fa nulla. // Il testo si sovrappone nel menu sugli schermi piccoli.
technical|HC|Dati persi // Record spariti|Sono spariti tutti i dati della settimana scorsa! // Dopo l'aggiornamento manca metà dei nostri progetti.
technical|MH|L'API restituisce errori // Webhook non funziona|L'API restituisce 401 con un token valido. // Il nostro webhook non riceve eventi da ieri.
technical|MH|Esportazione rotta // Importazione fallita|L'esportazione CSV è vuota. // L'importazione del file Excel fallisce con "formato non valido".
technical|LM|Le notifiche non arrivano|Non ricevo più le notifiche via email. // Le notifiche push non funzionano più su Android.
account|MH|Non riesco ad accedere // Login non funziona|Non riesco ad accedere, dice che la password è sbagliata. // La pagina di login si ricarica e basta.
account|MH|Email di reset password non arriva // Link scaduto|Ho chiesto di reimpostare la password ma non è arrivato nulla. // Il link per reimpostare dice che è scaduto.
account|MH|Codice 2FA non accettato // Ho perso il telefono|Il mio codice di autenticazione a due fattori viene sempre rifiutato. // Ho cambiato telefono e non ricevo più i codici.
account|L|Cambiare email // Aggiornare il profilo|Come cambio l'indirizzo email del mio account? // Per favore aggiornate il mio numero nel profilo.
account|LM|Aggiungere un utente // Permessi per un collega|Per favore date i diritti di amministratore al mio collega. // Come aggiungo un nuovo utente al team?
account|LM|Cancellare il mio account // Chiudere l'account|Per favore cancellate il mio account e tutti i miei dati. // Vorremmo chiudere il nostro account.
account|C|Account hackerato // Accesso sospetto|Qualcuno è entrato nel mio account dall'estero e ha cambiato la password. // Mi hanno hackerato l'account, ci sono ordini che non ho fatto.
account|HC|Account bloccato // Senza accesso|Il nostro unico amministratore è bloccato e nessuno può gestire gli utenti. // Il mio account è stato bloccato dopo troppi tentativi.
account|LM|Domanda sul SSO|Come configuriamo il SSO con Azure AD? // Il login SAML dà errore ai nuovi dipendenti.
general|L|Richiesta di funzionalità // Idea|Sarebbe bello avere la modalità scura. // Potreste aggiungere l'esportazione in Excel? // Le scorciatoie da tastiera sarebbero utili.
general|L|Dov'è la documentazione? // Manuale|Dove trovo la guida utente? // C'è un tutorial per le automazioni?
general|L|Feedback // Complimenti per la nuova versione|Volevo solo dire che il nuovo design è bellissimo. // L'ultimo aggiornamento è molto meglio, grazie!
general|LM|Formazione per il team|Offrite formazione per i nuovi dipendenti? // Possiamo prenotare una sessione di onboarding?
general|L|Orari di assistenza // Supporto durante le feste|Il supporto è disponibile nel weekend? // Siete aperti a Natale?
general|LM|Partnership // Rivenditore|Vorremmo diventare rivenditori. // Vi interessa una collaborazione con la nostra agenzia?
general|L|Domanda sul GDPR // Dove sono salvati i dati|Dove si trovano i vostri server? // Avete un accordo sul trattamento dei dati?
general|LM|Reclamo sull'assistenza|Nessuno ha risposto alla mia ultima email da una settimana. // Non sono soddisfatto di come è stato gestito il mio ultimo ticket.
""",
}

POOLS["nl"] = {
    "greet": ["Hallo,", "Goedemorgen,", "Beste,", "Geachte heer/mevrouw,", "Hoi,", "Beste supportafdeling,", "Goedemiddag,"],
    "close": ["Bedankt!", "Alvast bedankt.", "Met vriendelijke groet,", "Groeten,", "Mvg", "Hartelijk dank", "Ik hoor graag van jullie.", "Groetjes"],
    "names": ["Jan de Vries", "Sanne Jansen", "Pieter Bakker", "Lotte Visser", "Daan Smit", "Eva Mulder"],
    "quote_head": ["Op di 3 mrt 2026 om 10:14 schreef {name} <hulp@ledgerly.example>:", "-----Oorspronkelijk bericht-----\nVan: {name}", "{name} schreef:"],
    "quoted": ["Bedankt voor je bericht. Kun je ons een screenshot sturen?\nHet supportteam", "We hebben je vraag doorgestuurd naar onze specialisten.", "We hebben je ticket #48213 ontvangen."],
    "extra": ["Ik gebruik Chrome op Windows.", "We hebben het Business-abonnement.", "Ons klantnummer is 22310.", "Screenshot in de bijlage.", "Het begon na de laatste update.", "Cache heb ik al geleegd.", "Mijn collega heeft hetzelfde probleem."],
    "imp": {
        "L": ["Geen haast.", "Niet dringend, gewoon een vraag.", "Als jullie tijd hebben.", "Het is maar een klein dingetje.", "Alleen ter info, niks ernstigs."],
        "M": ["Er is een workaround, maar het is lastig.", "Ik kan doorwerken, maar het houdt me op.", "Kunnen jullie er deze week naar kijken?", "Het gaat alleen om mij en een collega.", "Niet blokkerend, maar het moet wel opgelost worden."],
        "H": ["Dit blokkeert mijn werk.", "Ons team kan niet werken.", "Er wachten klanten en we kunnen ze niet helpen.", "Graag snel hulp, we zitten vast.", "We hebben morgen een deadline en dit houdt ons tegen.", "Ik kan vandaag helemaal niet werken."],
        "C": ["Het hele bedrijf ligt stil!", "Alle gebruikers getroffen, niets werkt meer.", "Dit is een beveiligingsincident.", "We verliezen data!", "Productie ligt volledig plat, SPOED.", "Al onze klanten getroffen, we verliezen geld.", "We zien gegevens van andere klanten, dit is een datalek."],
    },
    "scen": """
billing|MH|Dubbel afgeschreven // Twee keer betaald|Jullie hebben het abonnement deze maand twee keer afgeschreven. // Ik zie twee dezelfde betalingen voor {p} op mijn creditcard.
billing|LM|Terugbetaling // Geld terug|Ik heb vorige week opgezegd en wil graag mijn geld terug. // Graag de jaarlijkse kosten terugbetalen, we gebruiken {p} niet meer.
billing|LM|Factuuradres klopt niet // Verkeerde bedrijfsnaam op factuur|Op de factuur staat ons oude adres. // Ons btw-nummer ontbreekt op de laatste factuur.
billing|L|Vraag over prijzen // Wat kost het Pro-abonnement?|Is de prijs per gebruiker of per team? // Hebben jullie korting voor stichtingen?
billing|LM|Abonnement wijzigen // Jaarlijks betalen|Hoe stap ik over van Premium naar Basic? // We willen jaarlijks in plaats van maandelijks betalen.
billing|HC|Betaling mislukt, account geblokkeerd // Account opgeschort|De incasso is mislukt en nu is {p} voor het hele team geblokkeerd. // Jullie hebben ons account opgeschort terwijl de factuur betaald is.
billing|MH|Kaart geweigerd // Betaalmethode wijzigen lukt niet|Mijn kaart wordt bij verlenging steeds geweigerd. // De pagina om de creditcard te wijzigen geeft een fout.
billing|LM|Factuur ontbreekt // Kopie van factuur|Ik kan de factuur van februari niet vinden in {p}. // Kunnen jullie de bonnen van de laatste drie maanden sturen?
billing|MH|Verkeerd bedrag // Prijsverhoging?|Er is 499 euro afgeschreven in plaats van 299 euro. // Het bedrag op de factuur klopt niet met het contract.
technical|HC|App crasht // {p} crasht bij opstarten|{p} sluit meteen af als ik hem open. // Elke keer als ik op Exporteren klik crasht het programma.
technical|MH|Fout 500 // Serverfout bij opslaan|Ik krijg "Internal Server Error" bij het opslaan van een record. // Het formulier kan niet opgeslagen worden, fout 500.
technical|LMH|Erg traag // Prestatieproblemen|{p} is sinds vanochtend super traag, pagina's laden 30 seconden. // Zoeken duurt eindeloos.
technical|HC|Site onbereikbaar // {p} ligt eruit|{p} laadt helemaal niet, alleen een wit scherm. // Jullie dienst ligt eruit, we krijgen overal 503.
technical|MH|Synchronisatie werkt niet|Wijzigingen op mijn laptop verschijnen niet op mijn telefoon. // De koppeling tussen {p} en ons CRM synchroniseert niet meer.
technical|LM|Knop doet niets // Klein weergaveprobleem|De Opslaan-knop in de instellingen doet niets. // De tekst overlapt in het menu op kleine schermen.
technical|HC|Gegevens kwijt // Records verdwenen|Alle invoer van vorige week is weg! // Na de update mist de helft van onze projecten.
technical|MH|API geeft fouten // Webhook werkt niet|De API geeft 401 terug met een geldig token. // Onze webhook ontvangt sinds gisteren geen events meer.
technical|MH|Export kapot // Import mislukt|De CSV-export is leeg. // Het importeren van ons Excel-bestand mislukt met "ongeldig formaat".
technical|LM|Meldingen komen niet aan|Ik krijg geen e-mailmeldingen meer. // Pushmeldingen werken niet meer op Android.
account|MH|Kan niet inloggen // Inloggen lukt niet|Ik kan niet inloggen, er staat dat mijn wachtwoord fout is. // De inlogpagina laadt gewoon opnieuw.
account|MH|Mail om wachtwoord te resetten komt niet // Link verlopen|Ik heb een nieuw wachtwoord aangevraagd maar geen mail gekregen. // De resetlink is verlopen volgens de site.
account|MH|2FA-code niet geaccepteerd // Telefoon kwijt|Mijn tweestapsverificatiecode wordt altijd geweigerd. // Ik heb een nieuwe telefoon en krijg geen codes meer.
account|L|E-mailadres wijzigen // Profiel bijwerken|Hoe wijzig ik het e-mailadres van mijn account? // Graag mijn telefoonnummer in mijn profiel aanpassen.
account|LM|Gebruiker toevoegen // Rechten voor een collega|Graag beheerdersrechten voor mijn collega. // Hoe voeg ik een nieuwe gebruiker toe aan ons team?
account|LM|Account verwijderen // Account opzeggen|Verwijder alsjeblieft mijn account en al mijn gegevens. // We willen ons account sluiten.
account|C|Account gehackt // Verdachte login|Iemand heeft vanuit het buitenland ingelogd en mijn wachtwoord veranderd. // Mijn account is gehackt, er staan bestellingen in die ik niet gedaan heb.
account|HC|Account geblokkeerd // Buitengesloten|Onze enige beheerder is buitengesloten en niemand kan gebruikers beheren. // Mijn account is geblokkeerd na te veel pogingen.
account|LM|Vraag over SSO|Hoe stellen we SSO in met Azure AD? // De SAML-login geeft een fout bij nieuwe medewerkers.
general|L|Functieverzoek // Idee|Een donkere modus zou top zijn. // Kunnen jullie export naar Excel toevoegen? // Sneltoetsen zouden handig zijn.
general|L|Waar is de documentatie? // Handleiding|Waar vind ik de gebruikershandleiding? // Is er een tutorial voor automatiseringen?
general|L|Feedback // Complimenten voor de nieuwe versie|Wilde even zeggen dat het nieuwe ontwerp er goed uitziet. // De laatste update is veel beter, dank jullie!
general|LM|Training voor ons team|Bieden jullie trainingen aan voor nieuwe medewerkers? // Kunnen we een onboardingsessie inplannen?
general|L|Openingstijden // Support tijdens de feestdagen|Is de support in het weekend bereikbaar? // Zijn jullie open met Kerst?
general|LM|Samenwerking // Wederverkoper|We willen graag reseller worden. // Hebben jullie interesse in een samenwerking met ons bureau?
general|L|AVG-vraag // Waar worden de gegevens opgeslagen|Waar staan jullie servers? // Hebben jullie een verwerkersovereenkomst?
general|LM|Klacht over de support|Al een week geen antwoord op mijn laatste mail. // Ik ben niet tevreden over hoe mijn vorige ticket is afgehandeld.
""",
}

POOLS["pl"] = {
    "greet": ["Dzień dobry,", "Witam,", "Cześć,", "Szanowni Państwo,", "Hej,", "Dobry wieczór,", "Witam serdecznie,"],
    "close": ["Dziękuję!", "Z góry dziękuję.", "Pozdrawiam,", "Z poważaniem,", "Pozdrawiam serdecznie", "Dzięki", "Czekam na odpowiedź.", "Pozdr."],
    "names": ["Piotr Kowalski", "Anna Nowak", "Tomasz Wiśniewski", "Katarzyna Wójcik", "Michał Kamiński", "Agnieszka Lewandowska"],
    "quote_head": ["W dniu wt., 3.03.2026 o 10:14 {name} <pomoc@ledgerly.example> napisał(a):", "-----Wiadomość oryginalna-----\nOd: {name}", "{name} napisał:"],
    "quoted": ["Dziękujemy za kontakt. Czy może Pan przesłać zrzut ekranu?\nZespół wsparcia", "Przekazaliśmy zgłoszenie do naszych specjalistów.", "Otrzymaliśmy zgłoszenie nr 48213."],
    "extra": ["Używam Chrome na Windowsie.", "Mamy plan Business.", "Nasz numer klienta to 33410.", "Zrzut ekranu w załączniku.", "Zaczęło się po ostatniej aktualizacji.", "Wyczyściłem już pamięć podręczną.", "Kolega ma ten sam problem."],
    "imp": {
        "L": ["Nie ma pośpiechu.", "Nic pilnego, tylko pytanie.", "Kiedy znajdziecie czas.", "To drobiazg.", "Tylko informacyjnie, nic poważnego."],
        "M": ["Da się to obejść, ale jest uciążliwe.", "Mogę pracować, ale mnie to spowalnia.", "Czy możecie to sprawdzić w tym tygodniu?", "Dotyczy tylko mnie i koleżanki.", "Nie blokuje, ale trzeba to naprawić."],
        "H": ["To blokuje moją pracę.", "Nasz zespół nie może pracować.", "Klienci czekają, a my nie możemy ich obsłużyć.", "Proszę o szybką pomoc, utknęliśmy.", "Jutro mamy termin, a to nas blokuje.", "Dziś w ogóle nie mogę pracować."],
        "C": ["Cała firma stoi!", "Wszyscy użytkownicy dotknięci, nic nie działa.", "To incydent bezpieczeństwa.", "Tracimy dane!", "Produkcja całkowicie leży, PILNE.", "Wszyscy nasi klienci są dotknięci, tracimy pieniądze.", "Widzimy dane innych klientów, to wyciek danych."],
    },
    "scen": """
billing|MH|Podwójne obciążenie // Pobrano dwa razy|Pobraliście opłatę za subskrypcję dwa razy w tym miesiącu. // Widzę dwie identyczne płatności za {p} na karcie.
billing|LM|Prośba o zwrot // Zwrot pieniędzy|Zrezygnowałem w zeszłym tygodniu i proszę o zwrot pieniędzy. // Proszę zwrócić opłatę roczną, nie używamy już {p}.
billing|LM|Błędny adres na fakturze // Zła nazwa firmy na fakturze|Na fakturze jest nasz stary adres. // Na ostatniej fakturze brakuje naszego NIP-u.
billing|L|Pytanie o ceny // Ile kosztuje plan Pro?|Czy cena jest za użytkownika czy za zespół? // Czy macie zniżki dla fundacji?
billing|LM|Zmiana planu // Płatność roczna|Jak przejść z Premium na Basic? // Chcemy płacić rocznie zamiast miesięcznie.
billing|HC|Płatność nieudana, konto zawieszone // Konto zablokowane|Płatność nie przeszła i teraz {p} jest zablokowany dla całego zespołu. // Zawiesiliście nasze konto, choć faktura jest opłacona.
billing|MH|Karta odrzucona // Nie mogę zmienić metody płatności|Moja karta jest zawsze odrzucana przy odnowieniu. // Strona zmiany karty pokazuje błąd.
billing|LM|Brak faktury // Kopia faktury|Nie mogę znaleźć faktury za luty w {p}. // Czy możecie przesłać rachunki za ostatnie trzy miesiące?
billing|MH|Zła kwota // Podwyżka ceny?|Pobrano 499 zł zamiast 299 zł. // Kwota na fakturze nie zgadza się z umową.
technical|HC|Aplikacja się zawiesza // {p} wywala się przy starcie|{p} zamyka się zaraz po otwarciu. // Za każdym razem, gdy klikam Eksportuj, program się wysypuje.
technical|MH|Błąd 500 // Błąd serwera przy zapisie|Przy zapisie rekordu pojawia się "Internal Server Error". // Nie da się zapisać formularza, błąd 500.
technical|LMH|Bardzo wolno // Problemy z wydajnością|{p} działa bardzo wolno od rana, strony ładują się 30 sekund. // Wyszukiwanie trwa wieki.
technical|HC|Strona nie działa // {p} leży|{p} w ogóle się nie ładuje, tylko biała strona. // Wasza usługa nie działa, wszędzie błąd 503.
technical|MH|Synchronizacja nie działa|Zmiany z laptopa nie pojawiają się w telefonie. // Synchronizacja między {p} a naszym CRM stanęła.
technical|LM|Przycisk nic nie robi // Drobny błąd wyświetlania|Przycisk Zapisz w ustawieniach nic nie robi. // Tekst nachodzi na siebie w menu na małych ekranach.
technical|HC|Utracone dane // Rekordy zniknęły|Zniknęły wszystkie wpisy z zeszłego tygodnia! // Po aktualizacji brakuje połowy naszych projektów.
technical|MH|API zwraca błędy // Webhook nie działa|API zwraca 401 mimo ważnego tokenu. // Nasz webhook od wczoraj nie dostaje zdarzeń.
technical|MH|Eksport nie działa // Import się nie udaje|Eksport do CSV jest pusty. // Import pliku Excel kończy się błędem "nieprawidłowy format".
technical|LM|Powiadomienia nie przychodzą|Nie dostaję już powiadomień e-mail. // Powiadomienia push przestały działać na Androidzie.
account|MH|Nie mogę się zalogować // Logowanie nie działa|Nie mogę się zalogować, pisze że hasło jest błędne. // Strona logowania po prostu się przeładowuje.
account|MH|Nie przychodzi mail do resetu hasła // Link wygasł|Poprosiłem o reset hasła, ale nic nie przyszło. // Link do resetu hasła podobno wygasł.
account|MH|Kod 2FA nie jest akceptowany // Zgubiłem telefon|Mój kod weryfikacji dwuetapowej jest zawsze odrzucany. // Zmieniłem telefon i nie dostaję już kodów.
account|L|Zmiana adresu e-mail // Aktualizacja profilu|Jak zmienić adres e-mail w moim koncie? // Proszę zaktualizować mój numer telefonu w profilu.
account|LM|Dodanie użytkownika // Uprawnienia dla kolegi|Proszę nadać koledze uprawnienia administratora. // Jak dodać nowego użytkownika do zespołu?
account|LM|Usunięcie konta // Zamknięcie konta|Proszę usunąć moje konto i wszystkie moje dane. // Chcemy zamknąć nasze konto.
account|C|Konto zhakowane // Podejrzane logowanie|Ktoś zalogował się na moje konto z zagranicy i zmienił hasło. // Ktoś włamał się na moje konto, są zamówienia, których nie składałem.
account|HC|Konto zablokowane // Brak dostępu|Nasz jedyny administrator nie ma dostępu i nikt nie może zarządzać użytkownikami. // Moje konto zostało zablokowane po zbyt wielu próbach.
account|LM|Pytanie o SSO|Jak skonfigurować SSO z Azure AD? // Logowanie SAML pokazuje błąd nowym pracownikom.
general|L|Propozycja funkcji // Pomysł|Fajnie byłoby mieć tryb ciemny. // Czy możecie dodać eksport do Excela? // Skróty klawiszowe bardzo by się przydały.
general|L|Gdzie jest dokumentacja? // Instrukcja|Gdzie znajdę instrukcję obsługi? // Czy jest poradnik do automatyzacji?
general|L|Opinia // Gratulacje nowej wersji|Chciałem tylko powiedzieć, że nowy wygląd jest świetny. // Ostatnia aktualizacja jest dużo lepsza, dzięki!
general|LM|Szkolenie dla zespołu|Czy oferujecie szkolenia dla nowych pracowników? // Czy możemy umówić sesję wdrożeniową?
general|L|Godziny pracy // Wsparcie w święta|Czy wsparcie działa w weekendy? // Czy pracujecie w święta?
general|LM|Współpraca // Odsprzedaż|Chcielibyśmy zostać resellerem. // Czy jesteście zainteresowani współpracą z naszą agencją?
general|L|Pytanie o RODO // Gdzie są przechowywane dane|Gdzie są wasze serwery? // Czy macie umowę powierzenia przetwarzania danych?
general|LM|Skarga na obsługę|Od tygodnia nikt nie odpowiedział na mojego ostatniego maila. // Nie jestem zadowolony z obsługi mojego poprzedniego zgłoszenia.
""",
}
