# ruff: noqa: E501 - phrase pools read best one per line
"""Phrase pools for the HELD-OUT evaluation set (never trained on). Written apart from train_pools.py, in
other voices: longer and chattier mail, other products, other problems; no sentence is shared."""

# fmt: off

PRODUCTS = ["Orbitly", "PayDesk", "the tablet app", "your website", "the admin console", "the integration", "the reporting module", "the checkout", "the browser extension", "the scanner app"]

POOLS: dict[str, dict] = {}

POOLS["en"] = {
    "greet": ["Hiya,", "Hi folks,", "Morning!", "Hello support people,", "Dear TicketFlow team,", "Hi all,", "Good afternoon,"],
    "close": ["Appreciate it.", "Thanks a lot for your help!", "All the best,", "Warm regards,", "Ta,", "Talk soon,", "Thanks so much -", "Sincerely,"],
    "names": ["Grace Thompson", "Oliver Hughes", "Priya Nair", "Dan Kowalczyk", "Megan Reilly", "Samuel Okafor"],
    "quote_head": ["On Wed, Feb 11, 2026 at 9:02 AM {name} <support@orbitly.example> wrote:", "From: {name}\nSent: Friday\nSubject: Your request"],
    "quoted": ["Hi, we looked into your account and everything seems fine on our end. Can you try again?", "Could you tell us which version you are running?"],
    "extra": ["Running macOS Sonoma, Safari.", "We have about 40 seats.", "Ticket reference from last time was 1187.", "Not sure if this matters but we use a VPN.", "Happened right after your maintenance window."],
    "imp": {
        "L": ["Honestly it's not a big deal.", "Whenever suits you, really.", "Just flagging it, no pressure.", "Only a curiosity on my side.", "Nothing is broken, I'm just asking."],
        "M": ["We can live with it for a few days.", "I've been doing it manually as a workaround.", "It's a nuisance for me and one other person.", "It'd be good to get it sorted this week or next.", "It is slowing me down a bit."],
        "H": ["I literally can't get my work done.", "Our customers are calling us about it and we can't help them.", "The sales team is stuck until this works.", "This is holding up month-end close.", "We need this sorted today please."],
        "C": ["Nobody in the company can use it right now.", "Every single one of our 2,000 users is affected.", "I think we have been breached.", "Customer records have been deleted!", "Our shop is offline and we're losing orders every minute.", "Someone can see other people's payroll data!"],
    },
    "scen": """
billing|LM|Coupon didn't apply // Promo code ignored|I entered the promo code SPRING20 at checkout but I paid full price. // The discount you promised on the phone never showed up on my bill.
billing|MH|Renewal charged after cancelling // Still being billed|I cancelled our plan in January but {p} charged my card again this month. // Why am I still paying? We closed the subscription weeks ago.
billing|L|Can I pay by bank transfer? // Payment options|Do you accept wire transfers or only cards? // Is PayPal an option for the yearly plan?
billing|LM|Receipt needs our PO number|Our accounting needs the purchase order number printed on each invoice. // Can you re-issue last month's invoice with the correct legal entity?
billing|HC|Overcharged thousands // Huge unexpected bill|We got billed for 500 seats but we only have 50! // Our invoice this month is ten times the usual amount.
billing|MH|Trial converted without asking|My free trial turned into a paid plan and I never gave a card... or so I thought. // You charged me at the end of the trial even though I clicked cancel.
technical|MH|Dashboard charts empty // Graphs not loading|Since this morning the charts on the home page of {p} are blank. // The revenue graph just spins forever.
technical|HC|Checkout broken // Customers can't pay|Customers get an error at the last step of {p} and can't complete orders. // Payments through {p} fail with "gateway timeout".
technical|LM|Typo in the German translation // Wrong label|The settings page says "Speichen" instead of "Speichern". // A button in the French version is cut off.
technical|MH|Timezone wrong // Dates off by one hour|All appointments in {p} show one hour late since the clock change. // Due dates are saved as the day before.
technical|HC|Everything gone after update // Files corrupted|After updating {p} all our attachments open as corrupted files. // The latest release wiped our custom fields.
technical|LMH|Scanner app freezes // Tablet app hangs|The scanner app freezes when I scan the second barcode. // {p} hangs for a minute whenever I switch tabs.
technical|MH|Emails from the system land in spam // Mails not delivered|Customers tell us your confirmation emails end up in spam. // The invoices sent by {p} never reach our customers.
technical|HC|Login server down? // Outage|Is there an outage? {p} shows a gateway error for all of us. // Nothing loads, status page says all green but we can't get in.
account|LM|Invite link doesn't work // New hire can't join|The invitation email to my new colleague says the link is invalid. // Our new hire never received the invite to the workspace.
account|MH|Keep getting logged out // Session expires|{p} logs me out every five minutes. // I have to sign in again every time I switch pages.
account|L|Transfer ownership // Change account owner|I'm leaving the company, how do I hand the account over to my manager? // Can the workspace owner be changed to someone else?
account|C|Strange password reset emails // Someone changed our admin email|I got five reset emails I didn't request and now I can't get in, and there are logins from an IP in another country. // The email on our admin account was changed by someone who isn't us.
account|MH|SSO login loop // Okta sign-in fails|Signing in through Okta sends me back to the login page in a loop. // Since we changed our domain the single sign-on stopped working for me.
account|LM|Remove former employee // Deactivate a user|Please deactivate the user of a colleague who left last Friday. // How can I remove someone from our team without deleting their tickets?
account|C|Wrong people can see our data // Permissions broken|A viewer in our team can suddenly edit and delete everything. // External guests can see our internal projects.
general|L|Can you add a calendar view? // Idea for the app|It would be lovely to see tickets on a calendar. // Any chance of a Linux version?
general|L|Is there an API limit? // Question about limits|How many requests per minute can we make? // Is there a maximum file size for attachments?
general|L|Kudos to Maria from support|Just a quick note to say Maria was super helpful yesterday. // Your team has been brilliant, thanks.
general|LM|Want a demo for my boss // Meeting request|Could someone show our director how the reporting works? // We'd like a call to talk about our use case.
general|L|Accessibility question|Does the app work with screen readers? // Do you have a high-contrast theme?
general|LM|Certificate for security review // ISO 27001?|Our procurement needs your ISO certificate and a security questionnaire filled out. // Do you have a SOC 2 report we can see?
""",
}

POOLS["de"] = {
    "greet": ["Hallo liebes Team,", "Grüß Gott,", "Hallo Support,", "Sehr geehrtes Team,", "Tag,", "Hi ihr,"],
    "close": ["Danke euch!", "Herzliche Grüße", "Schönen Tag noch", "Mit besten Grüßen", "Gruß aus Köln", "Vielen lieben Dank"],
    "names": ["Monika Braun", "Felix Zimmermann", "Heike Krüger", "Tobias Hartmann", "Ines Lang"],
    "quote_head": ["Am Mi., 11. Feb. 2026 um 09:02 Uhr schrieb {name} <support@orbitly.example>:", "Von: {name}\nGesendet: Freitag\nBetreff: Ihre Anfrage"],
    "quoted": ["Hallo, bei uns sieht alles normal aus. Können Sie es bitte noch einmal versuchen?", "Welche Version verwenden Sie?"],
    "extra": ["Mac mit Safari.", "Wir sind etwa 40 Leute.", "Das alte Ticket hatte die Nummer 1187.", "Wir arbeiten über VPN, falls das wichtig ist.", "Fing direkt nach eurer Wartung an."],
    "imp": {
        "L": ["Ist wirklich keine große Sache.", "Wann immer es passt.", "Nur zur Info, kein Druck.", "Bin nur neugierig.", "Kaputt ist nichts, ich frage nur."],
        "M": ["Ein paar Tage können wir damit leben.", "Ich mache es solange von Hand.", "Nervt mich und eine Kollegin.", "Wäre gut, wenn das diese oder nächste Woche klappt.", "Es hält mich etwas auf."],
        "H": ["Ich komme mit meiner Arbeit nicht weiter.", "Kunden rufen bei uns an und wir können nicht helfen.", "Der Vertrieb steht, bis das geht.", "Das hält unseren Monatsabschluss auf.", "Bitte heute noch lösen."],
        "C": ["Niemand in der Firma kann es gerade benutzen.", "Alle unsere 2.000 Nutzer sind betroffen.", "Ich glaube, bei uns wurde eingebrochen.", "Kundendaten wurden gelöscht!", "Unser Shop ist offline, wir verlieren jede Minute Bestellungen.", "Jemand kann die Gehaltsdaten anderer sehen!"],
    },
    "scen": """
billing|LM|Gutschein nicht angerechnet // Rabattcode ignoriert|Ich habe den Code FRUEHLING20 eingegeben, aber den vollen Preis bezahlt. // Der am Telefon versprochene Rabatt taucht auf der Rechnung nicht auf.
billing|MH|Nach Kündigung weiter abgebucht // Immer noch Abbuchungen|Ich habe im Januar gekündigt, aber {p} hat diesen Monat wieder abgebucht. // Warum zahle ich noch? Das Abo ist seit Wochen beendet.
billing|L|Zahlung per Überweisung? // Zahlungsarten|Kann man auch per Überweisung zahlen oder nur mit Karte? // Geht PayPal beim Jahresabo?
billing|LM|Bestellnummer auf der Rechnung|Unsere Buchhaltung braucht die Bestellnummer auf jeder Rechnung. // Können Sie die letzte Rechnung auf die richtige Firma ausstellen?
billing|HC|Tausende zu viel berechnet // Riesige Rechnung|Uns wurden 500 Lizenzen berechnet, wir haben aber nur 50! // Die Rechnung diesen Monat ist zehnmal so hoch wie sonst.
technical|MH|Diagramme leer // Grafiken laden nicht|Seit heute früh sind die Diagramme auf der Startseite von {p} leer. // Die Umsatzgrafik dreht sich endlos.
technical|HC|Kasse kaputt // Kunden können nicht bezahlen|Kunden bekommen im letzten Schritt von {p} einen Fehler und können nicht bestellen. // Zahlungen über {p} scheitern mit "Gateway Timeout".
technical|LM|Tippfehler in der Übersetzung // Falsche Beschriftung|In den Einstellungen steht "Speichen" statt "Speichern". // Ein Knopf in der englischen Version ist abgeschnitten.
technical|MH|Zeitzone falsch // Uhrzeit eine Stunde daneben|Seit der Zeitumstellung zeigt {p} alle Termine eine Stunde zu spät. // Fälligkeitsdaten werden einen Tag früher gespeichert.
technical|HC|Nach Update alles weg // Dateien beschädigt|Nach dem Update von {p} öffnen sich alle Anhänge als beschädigte Dateien. // Das letzte Release hat unsere eigenen Felder gelöscht.
technical|LMH|Scanner-App friert ein // Tablet-App hängt|Die Scanner-App friert beim zweiten Barcode ein. // {p} hängt jedes Mal eine Minute, wenn ich den Tab wechsle.
technical|HC|Störung? // Alles down|Gibt es eine Störung? {p} zeigt bei uns allen einen Gateway-Fehler. // Nichts lädt, obwohl die Statusseite grün ist.
account|LM|Einladungslink geht nicht // Neue Kollegin kann nicht beitreten|Die Einladung an meine neue Kollegin sagt, der Link sei ungültig. // Unser Neuzugang hat nie eine Einladung bekommen.
account|MH|Werde ständig abgemeldet // Sitzung läuft ab|{p} meldet mich alle fünf Minuten ab. // Bei jedem Seitenwechsel muss ich mich neu anmelden.
account|L|Inhaber übertragen // Kontoinhaber ändern|Ich verlasse die Firma, wie übergebe ich das Konto an meine Chefin? // Kann der Besitzer des Arbeitsbereichs geändert werden?
account|C|Seltsame Passwort-Mails // Admin-E-Mail wurde geändert|Ich habe fünf Reset-Mails bekommen, die ich nicht angefordert habe, und komme jetzt nicht mehr rein. // Die E-Mail-Adresse unseres Admin-Kontos wurde von Fremden geändert.
account|LM|Ehemaligen Mitarbeiter entfernen // Benutzer deaktivieren|Bitte den Zugang eines Kollegen deaktivieren, der letzten Freitag gegangen ist. // Wie entferne ich jemanden aus dem Team, ohne seine Tickets zu löschen?
account|C|Falsche Leute sehen unsere Daten // Rechte kaputt|Ein Betrachter in unserem Team kann plötzlich alles bearbeiten und löschen. // Externe Gäste sehen unsere internen Projekte.
general|L|Kalenderansicht? // Idee für die App|Eine Kalenderansicht für Tickets wäre schön. // Gibt es irgendwann eine Linux-Version?
general|L|Gibt es ein API-Limit? // Frage zu Grenzen|Wie viele Anfragen pro Minute sind erlaubt? // Gibt es eine maximale Dateigröße für Anhänge?
general|L|Lob an Maria vom Support|Wollte nur sagen, Maria war gestern super hilfsbereit. // Euer Team ist klasse, danke.
general|LM|Demo für meinen Chef // Terminanfrage|Könnte jemand unserem Geschäftsführer die Berichte zeigen? // Wir hätten gern ein Gespräch über unseren Anwendungsfall.
general|LM|Zertifikat für Sicherheitsprüfung // ISO 27001?|Unser Einkauf braucht Ihr ISO-Zertifikat und einen ausgefüllten Sicherheitsfragebogen. // Haben Sie einen SOC-2-Bericht?
""",
}

POOLS["fr"] = {
    "greet": ["Bonjour à l'équipe,", "Hello,", "Bonjour madame, monsieur,", "Coucou,", "Bonjour le support,"],
    "close": ["Merci beaucoup !", "Belle journée,", "Je vous remercie par avance.", "À bientôt,", "Cdt", "Bien cordialement à vous"],
    "names": ["Isabelle Girard", "Antoine Roux", "Claire Fontaine", "Mathieu Lefèvre", "Océane Blanc"],
    "quote_head": ["Le mer. 11 févr. 2026 à 09:02, {name} <support@orbitly.example> a écrit :", "De : {name}\nEnvoyé : vendredi\nObjet : Votre demande"],
    "quoted": ["Bonjour, de notre côté tout semble normal. Pouvez-vous réessayer ?", "Quelle version utilisez-vous ?"],
    "extra": ["Mac avec Safari.", "Nous sommes une quarantaine.", "L'ancien ticket portait le numéro 1187.", "On passe par un VPN, au cas où.", "Ça a commencé juste après votre maintenance."],
    "imp": {
        "L": ["Franchement ce n'est pas grave.", "Quand ça vous arrange.", "Je le signale, sans pression.", "Simple curiosité de ma part.", "Rien n'est cassé, je me renseigne."],
        "M": ["On peut vivre avec quelques jours.", "En attendant je le fais à la main.", "C'est gênant pour moi et un collègue.", "Ce serait bien de régler ça d'ici la semaine prochaine.", "Ça me ralentit un peu."],
        "H": ["Je ne peux littéralement pas avancer.", "Nos clients nous appellent et on ne peut rien faire.", "L'équipe commerciale est bloquée tant que ça ne marche pas.", "Ça retarde notre clôture mensuelle.", "Il faudrait que ce soit réglé aujourd'hui svp."],
        "C": ["Plus personne dans l'entreprise ne peut l'utiliser.", "Nos 2 000 utilisateurs sont tous touchés.", "Je crois que nous avons été piratés.", "Des fiches clients ont été effacées !", "Notre boutique est hors ligne, on perd des commandes à chaque minute.", "Quelqu'un peut voir les fiches de paie des autres !"],
    },
    "scen": """
billing|LM|Code promo non appliqué // Réduction ignorée|J'ai saisi le code PRINTEMPS20 mais j'ai payé plein tarif. // La remise promise au téléphone n'apparaît pas sur ma facture.
billing|MH|Encore prélevé après résiliation|J'ai résilié en janvier mais {p} a encore débité ma carte ce mois-ci. // Pourquoi je paie encore ? L'abonnement est fermé depuis des semaines.
billing|L|Paiement par virement ? // Moyens de paiement|Peut-on payer par virement ou seulement par carte ? // PayPal est-il accepté pour l'offre annuelle ?
billing|LM|Numéro de commande sur la facture|Notre compta a besoin du numéro de bon de commande sur chaque facture. // Pouvez-vous rééditer la facture au nom de la bonne société ?
billing|HC|Facturé des milliers d'euros en trop|On nous a facturé 500 licences alors que nous en avons 50 ! // La facture de ce mois est dix fois plus élevée que d'habitude.
technical|MH|Graphiques vides // Les courbes ne chargent pas|Depuis ce matin les graphiques de l'accueil de {p} sont vides. // Le graphique du chiffre d'affaires tourne dans le vide.
technical|HC|Paiement en ligne cassé // Les clients ne peuvent pas payer|Les clients ont une erreur à la dernière étape de {p} et ne peuvent pas commander. // Les paiements via {p} échouent avec "gateway timeout".
technical|LM|Faute dans la traduction // Libellé incorrect|La page des réglages affiche "Enregistrr". // Un bouton de la version anglaise est coupé.
technical|MH|Mauvais fuseau horaire // Heures décalées|Depuis le changement d'heure tous les rendez-vous de {p} sont décalés d'une heure. // Les dates d'échéance sont enregistrées la veille.
technical|HC|Tout a disparu après la mise à jour // Fichiers corrompus|Après la mise à jour de {p} toutes les pièces jointes sont corrompues. // La dernière version a supprimé nos champs personnalisés.
technical|LMH|L'appli scanner se fige // L'appli tablette ne répond plus|L'appli scanner se fige au deuxième code-barres. // {p} ne répond plus pendant une minute à chaque changement d'onglet.
technical|HC|Panne en cours ? // Tout est hors service|Y a-t-il une panne ? {p} affiche une erreur de passerelle pour tout le monde. // Rien ne charge, pourtant la page de statut est verte.
account|LM|Lien d'invitation invalide // Nouvelle recrue bloquée|L'invitation envoyée à ma nouvelle collègue dit que le lien est invalide. // Notre nouvel employé n'a jamais reçu l'invitation.
account|MH|Je suis sans cesse déconnecté // Session qui expire|{p} me déconnecte toutes les cinq minutes. // Je dois me reconnecter à chaque changement de page.
account|L|Transférer la propriété du compte|Je quitte l'entreprise, comment transmettre le compte à ma responsable ? // Peut-on changer le propriétaire de l'espace de travail ?
account|C|E-mails de réinitialisation bizarres // L'e-mail de l'admin a été modifié|J'ai reçu cinq e-mails de réinitialisation que je n'ai pas demandés et je ne peux plus entrer. // L'adresse e-mail du compte administrateur a été changée par quelqu'un d'autre.
account|LM|Retirer un ancien salarié // Désactiver un utilisateur|Merci de désactiver l'accès d'un collègue parti vendredi. // Comment retirer quelqu'un de l'équipe sans supprimer ses tickets ?
account|C|Les mauvaises personnes voient nos données // Droits cassés|Un simple lecteur peut soudain tout modifier et supprimer. // Des invités externes voient nos projets internes.
general|L|Une vue calendrier ? // Idée pour l'application|Ce serait chouette de voir les tickets dans un calendrier. // Une version Linux est-elle prévue ?
general|L|Y a-t-il une limite d'API ? // Question sur les limites|Combien de requêtes par minute peut-on faire ? // Quelle est la taille maximale des pièces jointes ?
general|L|Bravo à Maria du support|Un petit mot pour dire que Maria a été super hier. // Votre équipe est géniale, merci.
general|LM|Démo pour mon directeur // Demande de rendez-vous|Quelqu'un pourrait-il montrer les rapports à notre directeur ? // Nous aimerions un appel pour parler de notre cas d'usage.
general|LM|Certificat pour audit sécurité // ISO 27001 ?|Nos achats ont besoin de votre certificat ISO et d'un questionnaire de sécurité rempli. // Avez-vous un rapport SOC 2 ?
""",
}

POOLS["es"] = {
    "greet": ["¡Hola!", "Hola, buenas,", "Buen día,", "Estimados,", "Qué tal,"],
    "close": ["Mil gracias.", "Un abrazo,", "Quedo a la espera.", "Saludos desde Sevilla", "Gracias por todo,", "Cordialmente"],
    "names": ["Andrés Ruiz", "Carmen Navarro", "Diego Torres", "Sofía Ramos", "Raúl Molina"],
    "quote_head": ["El mié, 11 feb 2026 a las 9:02, {name} <soporte@orbitly.example> escribió:", "De: {name}\nEnviado: viernes\nAsunto: Su solicitud"],
    "quoted": ["Hola, por nuestra parte todo parece correcto. ¿Puede volver a intentarlo?", "¿Qué versión está usando?"],
    "extra": ["Mac con Safari.", "Somos unas 40 personas.", "El ticket anterior era el 1187.", "Usamos VPN, por si importa.", "Empezó justo después del mantenimiento."],
    "imp": {
        "L": ["La verdad es que no es grave.", "Cuando les venga bien.", "Solo lo comento, sin presión.", "Es pura curiosidad.", "No hay nada roto, solo pregunto."],
        "M": ["Podemos aguantar unos días así.", "Mientras tanto lo hago a mano.", "Nos molesta a mí y a otro compañero.", "Estaría bien tenerlo resuelto esta semana o la próxima.", "Me retrasa un poco."],
        "H": ["No puedo avanzar con mi trabajo.", "Los clientes nos llaman y no podemos ayudarles.", "El equipo de ventas está parado hasta que funcione.", "Nos está retrasando el cierre de mes.", "Necesitamos que se resuelva hoy, por favor."],
        "C": ["Nadie en la empresa puede usarlo ahora mismo.", "Los 2.000 usuarios están afectados.", "Creo que nos han hackeado.", "¡Se han borrado fichas de clientes!", "Nuestra tienda está caída y perdemos pedidos cada minuto.", "¡Alguien puede ver las nóminas de otros!"],
    },
    "scen": """
billing|LM|El cupón no se aplicó // Código descuento ignorado|Puse el código PRIMAVERA20 pero pagué el precio completo. // El descuento que me prometieron por teléfono no aparece en la factura.
billing|MH|Me siguen cobrando tras darme de baja|Me di de baja en enero pero {p} me volvió a cobrar este mes. // ¿Por qué sigo pagando? Cerramos la suscripción hace semanas.
billing|L|¿Se puede pagar por transferencia? // Formas de pago|¿Aceptan transferencia bancaria o solo tarjeta? // ¿Puedo pagar el plan anual con PayPal?
billing|LM|Número de pedido en la factura|Contabilidad necesita el número de pedido en cada factura. // ¿Pueden emitir de nuevo la factura a nombre de la empresa correcta?
billing|HC|Nos cobraron miles de más|¡Nos facturaron 500 licencias y solo tenemos 50! // La factura de este mes es diez veces mayor de lo normal.
technical|MH|Gráficos vacíos // No cargan las gráficas|Desde esta mañana los gráficos de la portada de {p} salen vacíos. // La gráfica de ventas se queda cargando sin fin.
technical|HC|El pago online no funciona // Los clientes no pueden pagar|Los clientes reciben un error en el último paso de {p} y no pueden comprar. // Los pagos por {p} fallan con "gateway timeout".
technical|LM|Errata en la traducción // Etiqueta incorrecta|En ajustes pone "Guadrar" en lugar de "Guardar". // Un botón de la versión inglesa sale cortado.
technical|MH|Zona horaria mal // Horas desfasadas|Desde el cambio de hora todas las citas de {p} salen una hora tarde. // Las fechas de vencimiento se guardan con un día menos.
technical|HC|Todo borrado tras actualizar // Archivos dañados|Después de actualizar {p} todos los adjuntos salen dañados. // La última versión ha borrado nuestros campos personalizados.
technical|LMH|La app de escáner se congela // La app de tablet se cuelga|La app de escáner se congela con el segundo código de barras. // {p} se queda colgado un minuto cada vez que cambio de pestaña.
technical|HC|¿Hay una caída? // Nada funciona|¿Hay alguna incidencia? {p} muestra un error de pasarela a todos. // No carga nada y la página de estado sale en verde.
account|LM|El enlace de invitación no funciona // La nueva no puede entrar|La invitación para mi nueva compañera dice que el enlace no es válido. // Nuestro nuevo empleado nunca recibió la invitación.
account|MH|Me cierra la sesión todo el rato|{p} me echa cada cinco minutos. // Tengo que volver a iniciar sesión cada vez que cambio de página.
account|L|Transferir la propiedad de la cuenta|Me voy de la empresa, ¿cómo paso la cuenta a mi jefa? // ¿Se puede cambiar el propietario del espacio de trabajo?
account|C|Correos raros de restablecimiento // Cambiaron el correo del admin|Me han llegado cinco correos de restablecimiento que no pedí y ya no puedo entrar. // Alguien que no somos nosotros cambió el correo de la cuenta de administrador.
account|LM|Quitar a un ex empleado // Desactivar usuario|Por favor desactiven el acceso de un compañero que se fue el viernes. // ¿Cómo quito a alguien del equipo sin borrar sus tickets?
account|C|Gente que no debe ve nuestros datos // Permisos rotos|Un usuario de solo lectura de repente puede editar y borrar todo. // Invitados externos ven nuestros proyectos internos.
general|L|¿Una vista de calendario? // Idea para la app|Sería genial ver los tickets en un calendario. // ¿Habrá versión para Linux?
general|L|¿Hay límite en la API? // Pregunta sobre límites|¿Cuántas peticiones por minuto podemos hacer? // ¿Cuál es el tamaño máximo de un adjunto?
general|L|Felicidades a María de soporte|Solo quería decir que María nos ayudó muchísimo ayer. // Su equipo es estupendo, gracias.
general|LM|Demo para mi jefe // Solicitud de reunión|¿Alguien podría enseñar los informes a nuestro director? // Nos gustaría una llamada para hablar de nuestro caso.
general|LM|Certificado para auditoría // ¿ISO 27001?|Compras necesita su certificado ISO y un cuestionario de seguridad. // ¿Tienen un informe SOC 2?
""",
}

POOLS["pt"] = {
    "greet": ["Oi pessoal,", "Olá, tudo bem?", "Bom dia a todos,", "Prezada equipe,", "E aí,"],
    "close": ["Valeu!", "Fico no aguardo.", "Um abraço,", "Grato,", "Obrigadão", "Abs"],
    "names": ["Lucas Ferreira", "Juliana Rocha", "Gustavo Almeida", "Camila Ribeiro", "Thiago Martins"],
    "quote_head": ["Em qua., 11 de fev. de 2026 às 09:02, {name} <suporte@orbitly.example> escreveu:", "De: {name}\nEnviado: sexta-feira\nAssunto: Sua solicitação"],
    "quoted": ["Olá, do nosso lado está tudo normal. Pode tentar de novo?", "Qual versão você está usando?"],
    "extra": ["Mac com Safari.", "Somos uns 40 usuários.", "O chamado anterior era o 1187.", "Usamos VPN, se isso importar.", "Começou logo depois da manutenção de vocês."],
    "imp": {
        "L": ["Sinceramente não é nada grave.", "Quando der para vocês.", "Só comentando, sem pressão.", "É só curiosidade.", "Nada quebrou, só estou perguntando."],
        "M": ["Dá para conviver uns dias.", "Enquanto isso estou fazendo na mão.", "Atrapalha a mim e a mais um colega.", "Seria bom resolver nesta semana ou na próxima.", "Está me atrasando um pouco."],
        "H": ["Não consigo avançar no trabalho.", "Os clientes estão ligando e não conseguimos ajudar.", "O time de vendas está parado até isso funcionar.", "Está atrasando o fechamento do mês.", "Precisamos resolver hoje, por favor."],
        "C": ["Ninguém na empresa consegue usar agora.", "Todos os nossos 2.000 usuários foram afetados.", "Acho que fomos invadidos.", "Cadastros de clientes foram apagados!", "Nossa loja está fora do ar e perdemos pedidos a cada minuto.", "Alguém consegue ver o holerite dos outros!"],
    },
    "scen": """
billing|LM|Cupom não aplicado // Código de desconto ignorado|Coloquei o cupom OUTONO20 mas paguei o preço cheio. // O desconto prometido por telefone não aparece na fatura.
billing|MH|Continuam cobrando depois do cancelamento|Cancelei em janeiro mas o {p} cobrou meu cartão de novo este mês. // Por que ainda estou pagando? Encerramos a assinatura há semanas.
billing|L|Dá para pagar por boleto? // Formas de pagamento|Vocês aceitam boleto ou Pix, ou só cartão? // Posso pagar o plano anual pelo PayPal?
billing|LM|Número do pedido na nota|O financeiro precisa do número do pedido de compra em cada nota. // Podem reemitir a fatura no nome da empresa certa?
billing|HC|Cobraram milhares a mais|Cobraram 500 licenças e só temos 50! // A fatura deste mês veio dez vezes maior que o normal.
technical|MH|Gráficos vazios // Os gráficos não carregam|Desde cedo os gráficos da página inicial do {p} estão vazios. // O gráfico de faturamento fica carregando sem parar.
technical|HC|Pagamento online quebrado // Clientes não conseguem pagar|Os clientes recebem erro na última etapa do {p} e não conseguem finalizar a compra. // Os pagamentos pelo {p} falham com "gateway timeout".
technical|LM|Erro de digitação na tradução // Rótulo errado|Nas configurações está escrito "Salavr" em vez de "Salvar". // Um botão da versão em inglês aparece cortado.
technical|MH|Fuso horário errado // Horários adiantados|Desde a mudança de horário todos os compromissos do {p} aparecem uma hora depois. // As datas de vencimento ficam salvas com um dia a menos.
technical|HC|Sumiu tudo depois da atualização // Arquivos corrompidos|Depois de atualizar o {p} todos os anexos abrem corrompidos. // A última versão apagou nossos campos personalizados.
technical|LMH|App de scanner congela // App do tablet trava|O app de scanner congela no segundo código de barras. // O {p} trava um minuto sempre que troco de aba.
technical|HC|Está fora do ar? // Nada funciona|Tem alguma instabilidade? O {p} mostra erro de gateway para todo mundo. // Nada carrega e a página de status está verde.
account|LM|Link de convite não funciona // Nova colega não consegue entrar|O convite para minha nova colega diz que o link é inválido. // Nosso novo funcionário nunca recebeu o convite.
account|MH|Fico sendo deslogado // Sessão expira|O {p} me desloga a cada cinco minutos. // Tenho que entrar de novo toda vez que mudo de página.
account|L|Transferir a titularidade da conta|Vou sair da empresa, como passo a conta para minha gestora? // Dá para trocar o dono do espaço de trabalho?
account|C|E-mails estranhos de redefinição // Mudaram o e-mail do admin|Recebi cinco e-mails de redefinição que não pedi e agora não consigo entrar. // Alguém de fora trocou o e-mail da conta de administrador.
account|LM|Remover ex-funcionário // Desativar usuário|Por favor desativem o acesso de um colega que saiu sexta. // Como tiro alguém da equipe sem apagar os chamados dele?
account|C|Pessoas erradas veem nossos dados // Permissões quebradas|Um usuário só de leitura de repente pode editar e apagar tudo. // Convidados externos veem nossos projetos internos.
general|L|Uma visão de calendário? // Ideia para o app|Seria legal ver os chamados num calendário. // Vai ter versão para Linux?
general|L|Existe limite na API? // Dúvida sobre limites|Quantas requisições por minuto podemos fazer? // Qual o tamanho máximo de um anexo?
general|L|Elogio para a Maria do suporte|Só queria dizer que a Maria ajudou demais ontem. // A equipe de vocês é ótima, obrigado.
general|LM|Demonstração para meu chefe // Pedido de reunião|Alguém pode mostrar os relatórios para nosso diretor? // Queríamos uma conversa sobre nosso caso de uso.
general|LM|Certificado para auditoria // ISO 27001?|O setor de compras precisa do certificado ISO e de um questionário de segurança. // Vocês têm relatório SOC 2?
""",
}

POOLS["it"] = {
    "greet": ["Ciao ragazzi,", "Buongiorno a tutti,", "Salve a tutti,", "Gentilissimi,", "Buondì,"],
    "close": ["Grazie di cuore.", "Buona giornata,", "A presto,", "Saluti da Milano", "Grazie ancora,", "Cordialmente"],
    "names": ["Paolo Conti", "Sara Greco", "Davide Marino", "Elisa Galli", "Matteo Fontana"],
    "quote_head": ["Il giorno mer 11 feb 2026 alle 09:02 {name} <supporto@orbitly.example> ha scritto:", "Da: {name}\nInviato: venerdì\nOggetto: La sua richiesta"],
    "quoted": ["Salve, da parte nostra è tutto regolare. Può riprovare?", "Che versione sta usando?"],
    "extra": ["Mac con Safari.", "Siamo una quarantina.", "Il ticket precedente era il 1187.", "Usiamo una VPN, se conta.", "È iniziato subito dopo la vostra manutenzione."],
    "imp": {
        "L": ["Sinceramente non è grave.", "Quando vi è comodo.", "Lo segnalo e basta, nessuna pressione.", "Pura curiosità.", "Non c'è niente di rotto, chiedo solo."],
        "M": ["Per qualche giorno possiamo conviverci.", "Nel frattempo lo faccio a mano.", "Dà fastidio a me e a un collega.", "Sarebbe bene sistemarlo entro la prossima settimana.", "Mi rallenta un po'."],
        "H": ["Non riesco ad andare avanti col lavoro.", "I clienti ci chiamano e non possiamo aiutarli.", "L'ufficio vendite è fermo finché non funziona.", "Ci sta bloccando la chiusura del mese.", "Serve una soluzione oggi, per favore."],
        "C": ["Nessuno in azienda riesce a usarlo adesso.", "Tutti i nostri 2.000 utenti sono coinvolti.", "Credo che ci abbiano violato.", "Sono state cancellate schede clienti!", "Il negozio è offline e perdiamo ordini ogni minuto.", "Qualcuno può vedere le buste paga degli altri!"],
    },
    "scen": """
billing|LM|Coupon non applicato // Codice sconto ignorato|Ho inserito il codice PRIMAVERA20 ma ho pagato il prezzo pieno. // Lo sconto promesso al telefono non compare in fattura.
billing|MH|Addebiti dopo la disdetta|Ho disdetto a gennaio ma {p} mi ha addebitato di nuovo questo mese. // Perché sto ancora pagando? L'abbonamento è chiuso da settimane.
billing|L|Si può pagare con bonifico? // Metodi di pagamento|Accettate il bonifico o solo la carta? // Posso pagare il piano annuale con PayPal?
billing|LM|Numero d'ordine in fattura|L'amministrazione ha bisogno del numero d'ordine su ogni fattura. // Potete riemettere la fattura intestata alla società giusta?
billing|HC|Addebitate migliaia di euro in più|Ci avete fatturato 500 licenze ma ne abbiamo 50! // La fattura di questo mese è dieci volte più alta del solito.
technical|MH|Grafici vuoti // I grafici non si caricano|Da stamattina i grafici della home di {p} sono vuoti. // Il grafico del fatturato continua a caricare.
technical|HC|Pagamento online rotto // I clienti non riescono a pagare|I clienti ricevono un errore all'ultimo passo di {p} e non completano l'ordine. // I pagamenti tramite {p} falliscono con "gateway timeout".
technical|LM|Errore di battitura nella traduzione // Etichetta sbagliata|Nelle impostazioni c'è scritto "Salvra" invece di "Salva". // Un pulsante della versione inglese è tagliato.
technical|MH|Fuso orario sbagliato // Orari sfasati|Dal cambio dell'ora tutti gli appuntamenti in {p} sono spostati di un'ora. // Le scadenze vengono salvate il giorno prima.
technical|HC|Sparito tutto dopo l'aggiornamento // File corrotti|Dopo l'aggiornamento di {p} tutti gli allegati risultano corrotti. // L'ultima versione ha cancellato i nostri campi personalizzati.
technical|LMH|L'app scanner si blocca // L'app per tablet si pianta|L'app scanner si blocca al secondo codice a barre. // {p} si pianta per un minuto ogni volta che cambio scheda.
technical|HC|C'è un disservizio? // Non va niente|C'è un guasto? {p} dà errore di gateway a tutti. // Non carica nulla e la pagina di stato è verde.
account|LM|Il link d'invito non funziona // La nuova collega non riesce a entrare|L'invito alla mia nuova collega dice che il link non è valido. // Il nuovo assunto non ha mai ricevuto l'invito.
account|MH|Mi disconnette di continuo // La sessione scade|{p} mi butta fuori ogni cinque minuti. // Devo rifare il login a ogni cambio di pagina.
account|L|Trasferire la proprietà dell'account|Lascio l'azienda, come passo l'account alla mia responsabile? // Si può cambiare il proprietario dello spazio di lavoro?
account|C|Strane email di reset // Hanno cambiato l'email dell'admin|Mi sono arrivate cinque email di reset che non ho chiesto e ora non riesco a entrare. // Qualcuno di esterno ha cambiato l'email dell'account amministratore.
account|LM|Rimuovere un ex dipendente // Disattivare un utente|Per favore disattivate l'accesso di un collega che se n'è andato venerdì. // Come tolgo qualcuno dal team senza cancellare i suoi ticket?
account|C|Persone sbagliate vedono i nostri dati // Permessi rotti|Un utente in sola lettura all'improvviso può modificare e cancellare tutto. // Ospiti esterni vedono i nostri progetti interni.
general|L|Una vista calendario? // Idea per l'app|Sarebbe carino vedere i ticket in un calendario. // Uscirà una versione per Linux?
general|L|C'è un limite per le API? // Domanda sui limiti|Quante richieste al minuto possiamo fare? // Qual è la dimensione massima di un allegato?
general|L|Complimenti a Maria del supporto|Volevo solo dire che Maria ieri è stata bravissima. // Il vostro team è fantastico, grazie.
general|LM|Demo per il mio capo // Richiesta di incontro|Qualcuno può mostrare i report al nostro direttore? // Vorremmo una call per parlare del nostro caso.
general|LM|Certificato per audit di sicurezza // ISO 27001?|L'ufficio acquisti chiede il vostro certificato ISO e un questionario di sicurezza. // Avete un report SOC 2?
""",
}

POOLS["nl"] = {
    "greet": ["Hoi allemaal,", "Goedendag,", "Beste mensen,", "Hallo team,", "Dag,"],
    "close": ["Thanks!", "Fijne dag nog,", "Vriendelijke groeten", "Groet,", "Dank je wel,", "Hartelijke groet"],
    "names": ["Bram Hendriks", "Femke de Boer", "Ruben Peters", "Anouk van Dijk", "Joris Meijer"],
    "quote_head": ["Op wo 11 feb 2026 om 09:02 schreef {name} <support@orbitly.example>:", "Van: {name}\nVerzonden: vrijdag\nOnderwerp: Je aanvraag"],
    "quoted": ["Hoi, bij ons ziet alles er normaal uit. Kun je het nog eens proberen?", "Welke versie gebruik je?"],
    "extra": ["Mac met Safari.", "We zijn met een man of 40.", "Het vorige ticket was 1187.", "We werken via VPN, voor het geval dat uitmaakt.", "Begon direct na jullie onderhoud."],
    "imp": {
        "L": ["Eerlijk gezegd geen groot probleem.", "Wanneer het jullie uitkomt.", "Even gemeld, geen druk.", "Puur uit nieuwsgierigheid.", "Er is niks stuk, ik vraag het alleen."],
        "M": ["Een paar dagen kunnen we ermee leven.", "Tot die tijd doe ik het met de hand.", "Vervelend voor mij en nog een collega.", "Fijn als het deze of volgende week lukt.", "Het houdt me een beetje op."],
        "H": ["Ik kom niet verder met mijn werk.", "Klanten bellen ons en we kunnen niets doen.", "Het salesteam staat stil tot dit werkt.", "Dit houdt onze maandafsluiting tegen.", "Graag vandaag nog opgelost."],
        "C": ["Niemand in het bedrijf kan er nu mee werken.", "Al onze 2.000 gebruikers zijn getroffen.", "Ik denk dat er bij ons is ingebroken.", "Klantgegevens zijn verwijderd!", "Onze webshop ligt plat en we missen elke minuut bestellingen.", "Iemand kan de loonstroken van anderen zien!"],
    },
    "scen": """
billing|LM|Kortingscode niet verwerkt // Actiecode genegeerd|Ik heb code LENTE20 ingevuld maar de volle prijs betaald. // De korting die telefonisch beloofd is staat niet op de factuur.
billing|MH|Na opzeggen nog steeds afgeschreven|Ik heb in januari opgezegd maar {p} heeft deze maand weer geïncasseerd. // Waarom betaal ik nog? Het abonnement is al weken gestopt.
billing|L|Kan ik per overschrijving betalen? // Betaalmogelijkheden|Kan ik ook via iDEAL of overschrijving betalen? // Kan het jaarabonnement met PayPal?
billing|LM|Ordernummer op de factuur|Onze administratie wil het inkoopordernummer op elke factuur. // Kunnen jullie de factuur opnieuw maken op naam van het juiste bedrijf?
billing|HC|Duizenden euro's te veel gerekend|We hebben een factuur voor 500 licenties, maar we hebben er 50! // De factuur van deze maand is tien keer zo hoog als normaal.
technical|MH|Grafieken leeg // Diagrammen laden niet|Sinds vanochtend zijn de grafieken op de startpagina van {p} leeg. // De omzetgrafiek blijft maar laden.
technical|HC|Afrekenen kapot // Klanten kunnen niet betalen|Klanten krijgen een fout bij de laatste stap van {p} en kunnen niet bestellen. // Betalingen via {p} mislukken met "gateway timeout".
technical|LM|Typfout in de vertaling // Verkeerd label|Bij instellingen staat "Opslaaan" in plaats van "Opslaan". // Een knop in de Engelse versie valt half weg.
technical|MH|Verkeerde tijdzone // Tijden verschoven|Sinds de overgang naar zomertijd staan alle afspraken in {p} een uur later. // Vervaldata worden een dag eerder opgeslagen.
technical|HC|Alles weg na update // Bestanden beschadigd|Na de update van {p} zijn alle bijlagen beschadigd. // De laatste versie heeft onze eigen velden gewist.
technical|LMH|Scanner-app bevriest // Tablet-app loopt vast|De scanner-app bevriest bij de tweede barcode. // {p} loopt een minuut vast als ik van tabblad wissel.
technical|HC|Is er een storing? // Niets werkt|Is er een storing? {p} geeft bij iedereen een gatewayfout. // Niets laadt, terwijl de statuspagina groen is.
account|LM|Uitnodigingslink werkt niet // Nieuwe collega kan niet erbij|De uitnodiging voor mijn nieuwe collega zegt dat de link ongeldig is. // Onze nieuwe medewerker heeft nooit een uitnodiging gekregen.
account|MH|Word steeds uitgelogd // Sessie verloopt|{p} logt me elke vijf minuten uit. // Bij elke pagina moet ik opnieuw inloggen.
account|L|Eigenaarschap overdragen|Ik ga weg bij het bedrijf, hoe draag ik het account over aan mijn leidinggevende? // Kan de eigenaar van de werkruimte veranderd worden?
account|C|Vreemde resetmails // E-mail van de beheerder is gewijzigd|Ik kreeg vijf resetmails die ik niet heb aangevraagd en nu kom ik er niet meer in. // Iemand anders heeft het e-mailadres van ons beheerdersaccount veranderd.
account|LM|Oud-medewerker verwijderen // Gebruiker deactiveren|Graag de toegang deactiveren van een collega die vrijdag is vertrokken. // Hoe haal ik iemand uit het team zonder zijn tickets te verwijderen?
account|C|Verkeerde mensen zien onze gegevens // Rechten kapot|Een gebruiker met alleen leesrechten kan ineens alles bewerken en verwijderen. // Externe gasten zien onze interne projecten.
general|L|Een kalenderweergave? // Idee voor de app|Leuk als je tickets in een kalender kunt zien. // Komt er een Linux-versie?
general|L|Is er een API-limiet? // Vraag over limieten|Hoeveel verzoeken per minuut mogen we doen? // Wat is de maximale grootte van een bijlage?
general|L|Compliment voor Maria van support|Wilde even zeggen dat Maria gisteren heel behulpzaam was. // Jullie team is top, bedankt.
general|LM|Demo voor mijn baas // Verzoek om afspraak|Kan iemand onze directeur de rapportages laten zien? // We willen graag een gesprek over onze situatie.
general|LM|Certificaat voor beveiligingsaudit // ISO 27001?|Inkoop vraagt om jullie ISO-certificaat en een ingevulde beveiligingsvragenlijst. // Hebben jullie een SOC 2-rapport?
""",
}

POOLS["pl"] = {
    "greet": ["Cześć wszystkim,", "Dzień dobry Państwu,", "Witajcie,", "Szanowny Zespole,", "Halo,"],
    "close": ["Wielkie dzięki.", "Miłego dnia,", "Łączę pozdrowienia", "Pozdrowienia z Krakowa", "Dziękuję bardzo,", "Z wyrazami szacunku"],
    "names": ["Marta Zielińska", "Paweł Szymański", "Ewa Dąbrowska", "Krzysztof Mazur", "Joanna Kaczmarek"],
    "quote_head": ["W dniu śr., 11.02.2026 o 09:02 {name} <wsparcie@orbitly.example> napisał(a):", "Od: {name}\nWysłano: piątek\nTemat: Państwa zgłoszenie"],
    "quoted": ["Dzień dobry, u nas wszystko wygląda poprawnie. Czy może Pan spróbować ponownie?", "Jakiej wersji Pan używa?"],
    "extra": ["Mac z Safari.", "Jest nas około 40 osób.", "Poprzednie zgłoszenie miało numer 1187.", "Pracujemy przez VPN, jeśli to ważne.", "Zaczęło się zaraz po waszej przerwie technicznej."],
    "imp": {
        "L": ["Szczerze, to nic wielkiego.", "Kiedy wam wygodnie.", "Tylko zgłaszam, bez presji.", "Czysta ciekawość.", "Nic się nie zepsuło, tylko pytam."],
        "M": ["Kilka dni możemy z tym wytrzymać.", "Na razie robię to ręcznie.", "Przeszkadza mnie i jeszcze jednemu koledze.", "Dobrze by było to załatwić w tym albo przyszłym tygodniu.", "Trochę mnie to spowalnia."],
        "H": ["Nie mogę ruszyć z pracą.", "Klienci do nas dzwonią, a my nie możemy pomóc.", "Dział sprzedaży stoi, dopóki to nie zadziała.", "To wstrzymuje nam zamknięcie miesiąca.", "Proszę o rozwiązanie jeszcze dziś."],
        "C": ["Nikt w firmie nie może teraz z tego korzystać.", "Dotyczy to wszystkich naszych 2000 użytkowników.", "Chyba ktoś się do nas włamał.", "Usunięto karty klientów!", "Nasz sklep nie działa, tracimy zamówienia co minutę.", "Ktoś widzi listy płac innych osób!"],
    },
    "scen": """
billing|LM|Kupon nie zadziałał // Kod rabatowy zignorowany|Wpisałem kod WIOSNA20, ale zapłaciłem pełną cenę. // Rabat obiecany przez telefon nie pojawił się na fakturze.
billing|MH|Nadal pobieracie opłaty po rezygnacji|Zrezygnowałem w styczniu, a {p} znowu obciążył moją kartę w tym miesiącu. // Dlaczego nadal płacę? Subskrypcja jest zamknięta od tygodni.
billing|L|Czy można zapłacić przelewem? // Metody płatności|Czy przyjmujecie przelew albo BLIK, czy tylko kartę? // Czy plan roczny można opłacić przez PayPal?
billing|LM|Numer zamówienia na fakturze|Księgowość potrzebuje numeru zamówienia na każdej fakturze. // Czy możecie wystawić fakturę ponownie na właściwą firmę?
billing|HC|Naliczono tysiące za dużo|Zafakturowaliście 500 licencji, a mamy 50! // Faktura w tym miesiącu jest dziesięć razy wyższa niż zwykle.
technical|MH|Puste wykresy // Wykresy się nie ładują|Od rana wykresy na stronie głównej {p} są puste. // Wykres przychodów ładuje się bez końca.
technical|HC|Płatności online nie działają // Klienci nie mogą zapłacić|Klienci dostają błąd w ostatnim kroku {p} i nie mogą złożyć zamówienia. // Płatności przez {p} kończą się błędem "gateway timeout".
technical|LM|Literówka w tłumaczeniu // Zła etykieta|W ustawieniach jest "Zapsiz" zamiast "Zapisz". // Przycisk w wersji angielskiej jest ucięty.
technical|MH|Zła strefa czasowa // Przesunięte godziny|Od zmiany czasu wszystkie spotkania w {p} są przesunięte o godzinę. // Terminy zapisują się z datą o dzień wcześniejszą.
technical|HC|Wszystko zniknęło po aktualizacji // Uszkodzone pliki|Po aktualizacji {p} wszystkie załączniki są uszkodzone. // Ostatnia wersja usunęła nasze własne pola.
technical|LMH|Aplikacja skanera się zawiesza // Aplikacja na tablet się wiesza|Aplikacja skanera zawiesza się przy drugim kodzie kreskowym. // {p} wiesza się na minutę przy każdej zmianie karty.
technical|HC|Czy jest awaria? // Nic nie działa|Czy jest jakaś awaria? {p} pokazuje wszystkim błąd bramy. // Nic się nie ładuje, a strona statusu jest zielona.
account|LM|Link z zaproszeniem nie działa // Nowa osoba nie może dołączyć|Zaproszenie dla nowej koleżanki mówi, że link jest nieważny. // Nowy pracownik nigdy nie dostał zaproszenia.
account|MH|Ciągle mnie wylogowuje // Sesja wygasa|{p} wylogowuje mnie co pięć minut. // Muszę logować się od nowa przy każdej zmianie strony.
account|L|Przeniesienie własności konta|Odchodzę z firmy, jak przekazać konto mojej przełożonej? // Czy można zmienić właściciela przestrzeni roboczej?
account|C|Dziwne maile z resetem hasła // Ktoś zmienił e-mail administratora|Dostałem pięć maili z resetem, o które nie prosiłem, i teraz nie mogę się zalogować. // Ktoś obcy zmienił adres e-mail konta administratora.
account|LM|Usunięcie byłego pracownika // Dezaktywacja użytkownika|Proszę dezaktywować dostęp kolegi, który odszedł w piątek. // Jak usunąć kogoś z zespołu bez kasowania jego zgłoszeń?
account|C|Niewłaściwe osoby widzą nasze dane // Zepsute uprawnienia|Użytkownik tylko do odczytu nagle może wszystko edytować i usuwać. // Zewnętrzni goście widzą nasze wewnętrzne projekty.
general|L|Widok kalendarza? // Pomysł na aplikację|Fajnie byłoby widzieć zgłoszenia w kalendarzu. // Czy będzie wersja na Linuksa?
general|L|Czy jest limit API? // Pytanie o limity|Ile zapytań na minutę możemy wysłać? // Jaki jest maksymalny rozmiar załącznika?
general|L|Pochwała dla Marii z supportu|Chciałem tylko powiedzieć, że Maria wczoraj bardzo pomogła. // Wasz zespół jest świetny, dzięki.
general|LM|Demo dla szefa // Prośba o spotkanie|Czy ktoś mógłby pokazać raporty naszemu dyrektorowi? // Chcielibyśmy porozmawiać o naszym przypadku.
general|LM|Certyfikat do audytu bezpieczeństwa // ISO 27001?|Dział zakupów potrzebuje waszego certyfikatu ISO i wypełnionej ankiety bezpieczeństwa. // Czy macie raport SOC 2?
""",
}
