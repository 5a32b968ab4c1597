# ruff: noqa: E501 - phrase pools read best one per line
"""TRAINING tickets whose tone and impact disagree (issue 22): an outage, lost data, a leak, a taken-over
account or a payment system down, told politely, hedged or casually ("quick question", "no rush"), and the
reverse, trivia shouted about ("URGENT!!!" for a typo). The label follows the impact, as the prompt's
definitions say ("by the impact described, not by how loudly it is asked for").

Per language: `soft_open` / `soft_close` (hedges before and after the problem), `loud` (shouting), and
`severe`: scenarios whose body itself states the impact, in the `scen` format of the other pools. The soft
phrases are also put on low-impact scenarios, so a hedge is no sign of a serious problem either.
Written from scratch, independently of the evaluation pools and sets.
"""

# fmt: off
TONE: dict[str, dict] = {}

TONE["en"] = {
    "soft_open": ["Quick question:", "Sorry to bother you,", "Probably nothing, but", "Just a small heads-up:", "Not sure this needs a ticket, but", "Hope you're well! One little thing:", "Hi, tiny question if you have a sec:", "FYI,"],
    "soft_close": ["No rush, whenever you get a chance.", "No pressure, just letting you know.", "Whenever it suits you.", "Not urgent on my side.", "Just thought you should know.", "Thanks, and have a nice day!", "Take your time.", "No big deal, just flagging it."],
    "loud": ["URGENT!!!", "I need this fixed RIGHT NOW!!", "This is completely unacceptable!", "EMERGENCY, please answer immediately!", "Top priority, fix it today!!!", "Why is nobody answering?! ASAP please!", "I am extremely angry about this."],
    "severe": """
technical|C|Question about the website // Small thing with {p}|Since this morning none of our 35 staff can get into {p}, it only says service unavailable. // Nobody in our office has been able to load {p} for two hours now, every page times out.
technical|C|Login page // Odd behaviour|All of our customers get a blank page when they open our shop in {p}, since the night. // The whole platform stopped answering after your update, our 200 users see nothing.
technical|C|Something about the export // A detail in the reports|Our reports page now shows the reports of other companies, with their customers' names. // The CSV export contains the addresses and phone numbers of customers that are not ours.
technical|C|Projects // Missing entries|Yesterday's import deleted all of our projects, three years of work are gone. // Every record we entered this month has disappeared from {p}, the history is empty too.
technical|HC|Checkout // Card payments|None of our customers can pay at checkout since noon, every card payment fails. // Our online shop has taken zero orders today, the payment step throws an error for everyone.
account|C|Login question // My account settings|Someone changed the email and password of our admin account last night and we are locked out; there are new users we never created. // I got a login alert from another country and now my account shows orders and invoices I did not make.
account|C|Permissions // User roles|Any user can open the admin area and see everyone's salaries if they type the address by hand. // A guest we invited can see and edit all of our private customer files.
billing|C|Invoices // Billing page|In the billing section I can open the invoices of other companies, with names and bank details. // The receipts we downloaded today belong to a different company, card numbers included.
billing|HC|Charges // Billing run|Your billing run charged all 900 of our customers twice this morning. // Every subscriber of ours was charged ten times the normal amount today.
technical|H|Sync // Orders|Orders from the shop stopped reaching the warehouse since yesterday, 60 orders are waiting and nothing ships. // Our whole support team of 12 cannot answer any customer because {p} does not load tickets.
account|C|Password reset // Reset email|The password reset link I got opened somebody else's account, fully logged in, with their messages. // Anyone who clicks "forgot password" can choose the account it resets, we just tried it with a colleague's.
account|HC|Sign-in // Single sign-on|After your change last night the sign-in fails for every one of our 80 employees, so the office is idle. // The whole team has been logged out and no one can get back in, the SSO button just loops.
account|C|Users list // A few new users|Our user list has five admins we never added and two of our managers were removed. // Somebody took over the owner account of our workspace and is exporting our contacts.
technical|HC|Paying invoices // Payment link|The pay-now button on every invoice we send returns an error, so none of our clients can pay us this week. // Card payments for our subscriptions have been failing for all customers since Monday and renewals are lapsing.
billing|C|Refunds // Bank details|Yesterday's refunds went to the wrong customers, about 300 of them, with the amounts of other people's orders. // Every invoice generated today shows the bank account and address of another customer.
technical|C|Backups // Files|The restore gave us an empty database, every document since January is unreadable. // All attachments uploaded since the update open as corrupted files, for all of our users.
""",
}

TONE["de"] = {
    "soft_open": ["Kurze Frage:", "Entschuldigen Sie die Störung,", "Wahrscheinlich nichts Wildes, aber", "Nur ein kleiner Hinweis:", "Weiß nicht, ob das ein Ticket wert ist, aber", "Ich hoffe, es geht Ihnen gut! Eine Kleinigkeit:", "Mal eine Frage am Rande:"],
    "soft_close": ["Keine Eile, wann immer es passt.", "Kein Stress, wollte es nur melden.", "Wenn Sie mal dazu kommen.", "Von meiner Seite nicht dringend.", "Dachte, Sie sollten das wissen.", "Danke und einen schönen Tag noch!", "Lassen Sie sich ruhig Zeit."],
    "loud": ["DRINGEND!!!", "Das muss SOFORT behoben werden!!", "Das ist absolut inakzeptabel!", "NOTFALL, bitte sofort antworten!", "Höchste Priorität, heute noch!!!", "Warum antwortet niemand?! Sofort bitte!", "Ich bin extrem verärgert."],
    "severe": """
technical|C|Frage zur Webseite // Kleinigkeit mit {p}|Seit heute früh kommt keiner unserer 35 Mitarbeiter in {p} rein, es steht nur Dienst nicht verfügbar da. // Seit zwei Stunden lädt {p} bei niemandem im Büro, jede Seite läuft in ein Timeout.
technical|C|Anmeldeseite // Komisches Verhalten|Alle unsere Kunden sehen seit heute Nacht eine leere Seite, wenn sie unseren Shop in {p} öffnen. // Nach Ihrem Update reagiert die ganze Plattform nicht mehr, unsere 200 Nutzer sehen nichts.
technical|C|Etwas zum Export // Detail in den Berichten|Unsere Berichtsseite zeigt jetzt die Berichte anderer Firmen mit den Namen ihrer Kunden. // Der CSV-Export enthält Adressen und Telefonnummern von Kunden, die nicht unsere sind.
technical|C|Projekte // Fehlende Einträge|Der Import gestern hat alle unsere Projekte gelöscht, drei Jahre Arbeit sind weg. // Jeder Datensatz, den wir diesen Monat eingegeben haben, ist aus {p} verschwunden, auch der Verlauf ist leer.
technical|HC|Kasse // Kartenzahlung|Seit Mittag kann keiner unserer Kunden an der Kasse bezahlen, jede Kartenzahlung schlägt fehl. // Unser Onlineshop hat heute keine einzige Bestellung bekommen, der Bezahlschritt zeigt bei allen einen Fehler.
account|C|Frage zum Login // Meine Kontoeinstellungen|Jemand hat heute Nacht E-Mail und Passwort unseres Admin-Kontos geändert, wir kommen nicht mehr rein und es gibt neue Benutzer, die wir nie angelegt haben. // Ich bekam eine Anmeldewarnung aus dem Ausland und jetzt stehen in meinem Konto Bestellungen, die ich nicht gemacht habe.
account|C|Berechtigungen // Benutzerrollen|Jeder Benutzer kommt in den Adminbereich und sieht die Gehälter aller, wenn er die Adresse von Hand eintippt. // Ein eingeladener Gast kann alle unsere privaten Kundenakten sehen und bearbeiten.
billing|C|Rechnungen // Abrechnungsseite|Im Abrechnungsbereich kann ich die Rechnungen anderer Firmen öffnen, mit Namen und Bankdaten. // Die Belege, die wir heute heruntergeladen haben, gehören einer anderen Firma, samt Kartennummern.
billing|HC|Abbuchungen // Abrechnungslauf|Ihr Abrechnungslauf hat heute früh alle 900 unserer Kunden doppelt belastet. // Jedem unserer Abonnenten wurde heute das Zehnfache abgebucht.
technical|H|Synchronisierung // Bestellungen|Seit gestern kommen Bestellungen aus dem Shop nicht mehr im Lager an, 60 Bestellungen warten und nichts wird verschickt. // Unser ganzes Support-Team mit 12 Leuten kann keinem Kunden antworten, weil {p} keine Tickets lädt.
account|C|Passwort zurücksetzen // Reset-Mail|Der Link zum Zurücksetzen hat das Konto einer fremden Person geöffnet, komplett eingeloggt, mit ihren Nachrichten. // Wer auf "Passwort vergessen" klickt, kann sich aussuchen, welches Konto zurückgesetzt wird, wir haben es mit dem eines Kollegen probiert.
account|HC|Anmeldung // Single Sign-on|Seit Ihrer Änderung gestern Abend schlägt die Anmeldung für jeden unserer 80 Mitarbeiter fehl, das Büro steht. // Das ganze Team wurde abgemeldet und keiner kommt wieder rein, der SSO-Knopf dreht sich im Kreis.
account|C|Benutzerliste // Ein paar neue Benutzer|In unserer Benutzerliste stehen fünf Admins, die wir nie angelegt haben, und zwei unserer Manager wurden entfernt. // Jemand hat das Inhaberkonto unseres Arbeitsbereichs übernommen und exportiert unsere Kontakte.
technical|HC|Rechnungen bezahlen // Zahlungslink|Der Jetzt-bezahlen-Knopf auf jeder Rechnung, die wir verschicken, zeigt einen Fehler, keiner unserer Kunden kann uns diese Woche bezahlen. // Kartenzahlungen für unsere Abos scheitern seit Montag bei allen Kunden und die Verlängerungen laufen aus.
billing|C|Erstattungen // Bankdaten|Die Erstattungen von gestern gingen an die falschen Kunden, etwa 300, mit den Beträgen fremder Bestellungen. // Jede heute erzeugte Rechnung zeigt Bankverbindung und Adresse eines anderen Kunden.
technical|C|Sicherung // Dateien|Die Wiederherstellung hat uns eine leere Datenbank geliefert, kein Dokument seit Januar ist lesbar. // Alle seit dem Update hochgeladenen Anhänge öffnen sich als beschädigte Dateien, bei allen unseren Nutzern.
""",
}

TONE["fr"] = {
    "soft_open": ["Petite question :", "Désolé de vous déranger,", "Sûrement rien de grave, mais", "Juste pour info :", "Je ne sais pas si ça mérite un ticket, mais", "J'espère que vous allez bien ! Un petit détail :", "Une question en passant :"],
    "soft_close": ["Rien ne presse, quand vous aurez un moment.", "Pas de pression, je vous le signale simplement.", "Quand ça vous arrange.", "Pas urgent de mon côté.", "Je me suis dit que vous devriez le savoir.", "Merci et bonne journée !", "Prenez votre temps."],
    "loud": ["URGENT !!!", "Il faut corriger ça TOUT DE SUITE !!", "C'est totalement inacceptable !", "URGENCE, répondez immédiatement !", "Priorité absolue, aujourd'hui !!!", "Pourquoi personne ne répond ?! Vite !", "Je suis extrêmement mécontent."],
    "severe": """
technical|C|Question sur le site // Petit souci avec {p}|Depuis ce matin aucun de nos 35 employés n'arrive à entrer dans {p}, il affiche seulement service indisponible. // Depuis deux heures {p} ne charge pour personne au bureau, chaque page finit en timeout.
technical|C|Page de connexion // Comportement bizarre|Tous nos clients voient une page blanche en ouvrant notre boutique dans {p}, depuis cette nuit. // Depuis votre mise à jour la plateforme entière ne répond plus, nos 200 utilisateurs ne voient rien.
technical|C|Une chose sur l'export // Un détail dans les rapports|Notre page de rapports affiche maintenant les rapports d'autres sociétés avec les noms de leurs clients. // L'export CSV contient les adresses et téléphones de clients qui ne sont pas les nôtres.
technical|C|Projets // Entrées manquantes|L'import d'hier a supprimé tous nos projets, trois ans de travail envolés. // Toutes les fiches saisies ce mois-ci ont disparu de {p}, l'historique est vide aussi.
technical|HC|Paiement // Paiements par carte|Depuis midi aucun client ne peut payer sur notre site, tous les paiements par carte échouent. // Notre boutique n'a reçu aucune commande aujourd'hui, l'étape de paiement plante pour tout le monde.
account|C|Question de connexion // Paramètres de mon compte|Quelqu'un a changé l'e-mail et le mot de passe de notre compte administrateur cette nuit, nous ne pouvons plus entrer et il y a des utilisateurs que nous n'avons jamais créés. // J'ai reçu une alerte de connexion depuis l'étranger et mon compte affiche des commandes que je n'ai pas passées.
account|C|Droits // Rôles des utilisateurs|N'importe quel utilisateur accède à l'espace admin et voit les salaires de tous en tapant l'adresse à la main. // Un invité peut voir et modifier tous nos dossiers clients privés.
billing|C|Factures // Page de facturation|Dans l'espace facturation je peux ouvrir les factures d'autres entreprises, avec noms et coordonnées bancaires. // Les reçus téléchargés aujourd'hui appartiennent à une autre société, numéros de carte compris.
billing|HC|Prélèvements // Facturation|Votre facturation a prélevé deux fois nos 900 clients ce matin. // Chacun de nos abonnés a été débité dix fois le montant normal aujourd'hui.
technical|H|Synchronisation // Commandes|Depuis hier les commandes de la boutique n'arrivent plus à l'entrepôt, 60 commandes attendent et rien ne part. // Toute notre équipe support de 12 personnes ne peut répondre à aucun client car {p} ne charge plus les tickets.
account|C|Réinitialisation // E-mail de réinitialisation|Le lien de réinitialisation reçu a ouvert le compte de quelqu'un d'autre, connecté, avec ses messages. // N'importe qui peut choisir quel compte « mot de passe oublié » réinitialise, on l'a testé avec celui d'un collègue.
account|HC|Connexion // Authentification unique|Depuis votre changement d'hier soir la connexion échoue pour chacun de nos 80 salariés, le bureau est à l'arrêt. // Toute l'équipe a été déconnectée et personne n'arrive à revenir, le bouton SSO tourne en boucle.
account|C|Liste des utilisateurs // Quelques nouveaux utilisateurs|Notre liste compte cinq administrateurs qu'on n'a jamais ajoutés et deux de nos responsables ont été retirés. // Quelqu'un a pris le compte propriétaire de notre espace et exporte nos contacts.
technical|HC|Règlement des factures // Lien de paiement|Le bouton « payer » de chaque facture que nous envoyons renvoie une erreur, aucun client ne peut nous régler cette semaine. // Les paiements par carte des abonnements échouent pour tous les clients depuis lundi et les renouvellements expirent.
billing|C|Remboursements // Coordonnées bancaires|Les remboursements d'hier sont partis vers les mauvais clients, environ 300, avec les montants des commandes d'autres personnes. // Chaque facture générée aujourd'hui affiche le compte bancaire et l'adresse d'un autre client.
technical|C|Sauvegardes // Fichiers|La restauration nous a rendu une base vide, aucun document depuis janvier n'est lisible. // Toutes les pièces jointes envoyées depuis la mise à jour s'ouvrent corrompues, pour tous nos utilisateurs.
""",
}

TONE["es"] = {
    "soft_open": ["Una pregunta rápida:", "Perdón por molestar,", "Seguramente no es nada, pero", "Solo un aviso:", "No sé si merece un ticket, pero", "¡Espero que estéis bien! Una cosita:", "Una duda tonta:"],
    "soft_close": ["Sin prisa, cuando podáis.", "Sin presión, solo os aviso.", "Cuando os venga bien.", "Por mi parte no es urgente.", "Pensé que deberíais saberlo.", "¡Gracias y buen día!", "Tomaos vuestro tiempo."],
    "loud": ["¡¡¡URGENTE!!!", "¡¡Necesito que lo arregléis YA!!", "¡Esto es totalmente inaceptable!", "¡EMERGENCIA, respondan inmediatamente!", "¡¡¡Máxima prioridad, hoy mismo!!!", "¿¡Por qué nadie contesta?! ¡Rápido!", "Estoy muy enfadado."],
    "severe": """
technical|C|Consulta sobre la web // Una cosa con {p}|Desde esta mañana ninguno de nuestros 35 empleados puede entrar en {p}, solo dice servicio no disponible. // Hace dos horas que {p} no carga para nadie en la oficina, todas las páginas dan timeout.
technical|C|Página de inicio // Comportamiento raro|Todos nuestros clientes ven una página en blanco al abrir nuestra tienda en {p} desde anoche. // Tras vuestra actualización la plataforma entera no responde, nuestros 200 usuarios no ven nada.
technical|C|Algo del export // Un detalle en los informes|Nuestra página de informes ahora muestra los informes de otras empresas con los nombres de sus clientes. // La exportación CSV trae direcciones y teléfonos de clientes que no son nuestros.
technical|C|Proyectos // Entradas que faltan|La importación de ayer borró todos nuestros proyectos, tres años de trabajo perdidos. // Todos los registros que metimos este mes han desaparecido de {p}, el historial también está vacío.
technical|HC|Pago // Pagos con tarjeta|Desde mediodía ningún cliente puede pagar en nuestra tienda, todos los pagos con tarjeta fallan. // Hoy no ha entrado ni un pedido, el paso de pago da error a todo el mundo.
account|C|Duda con el acceso // Ajustes de mi cuenta|Alguien cambió anoche el correo y la contraseña de nuestra cuenta de administrador, no podemos entrar y hay usuarios que nunca creamos. // Recibí un aviso de inicio de sesión desde otro país y ahora mi cuenta tiene pedidos que no hice.
account|C|Permisos // Roles de usuario|Cualquier usuario entra en el área de administración y ve los sueldos de todos si escribe la dirección a mano. // Un invitado puede ver y editar todos nuestros expedientes privados de clientes.
billing|C|Facturas // Página de facturación|En la sección de facturación puedo abrir las facturas de otras empresas, con nombres y datos bancarios. // Los recibos que descargamos hoy son de otra empresa, con números de tarjeta incluidos.
billing|HC|Cobros // Facturación|Vuestra facturación cobró dos veces a nuestros 900 clientes esta mañana. // A cada suscriptor nuestro se le ha cobrado hoy diez veces el importe normal.
technical|H|Sincronización // Pedidos|Desde ayer los pedidos de la tienda no llegan al almacén, hay 60 pedidos esperando y no sale nada. // Todo nuestro equipo de soporte, 12 personas, no puede responder a ningún cliente porque {p} no carga los tickets.
account|C|Restablecer contraseña // Correo de restablecimiento|El enlace para restablecer la contraseña abrió la cuenta de otra persona, con la sesión iniciada y sus mensajes. // Cualquiera que pulse "olvidé mi contraseña" puede elegir qué cuenta se restablece, lo probamos con la de un compañero.
account|HC|Inicio de sesión // SSO|Desde vuestro cambio de anoche el inicio de sesión falla para cada uno de nuestros 80 empleados, la oficina está parada. // Han cerrado la sesión a todo el equipo y nadie consigue volver a entrar, el botón de SSO da vueltas.
account|C|Lista de usuarios // Unos usuarios nuevos|En nuestra lista hay cinco administradores que nunca añadimos y han quitado a dos de nuestros responsables. // Alguien se hizo con la cuenta propietaria de nuestro espacio y está exportando nuestros contactos.
technical|HC|Pago de facturas // Enlace de pago|El botón de pagar de todas las facturas que enviamos da error, así que ningún cliente puede pagarnos esta semana. // Los cobros con tarjeta de las suscripciones fallan a todos los clientes desde el lunes y las renovaciones caducan.
billing|C|Reembolsos // Datos bancarios|Los reembolsos de ayer fueron a los clientes equivocados, unos 300, con importes de pedidos ajenos. // Cada factura generada hoy muestra la cuenta bancaria y la dirección de otro cliente.
technical|C|Copias de seguridad // Archivos|La restauración nos dejó una base de datos vacía, ningún documento desde enero se puede leer. // Todos los adjuntos subidos desde la actualización se abren dañados, para todos nuestros usuarios.
""",
}

TONE["pt"] = {
    "soft_open": ["Uma dúvida rápida:", "Desculpem incomodar,", "Provavelmente não é nada, mas", "Só um aviso:", "Não sei se vale um chamado, mas", "Espero que estejam bem! Uma coisinha:", "Pergunta boba:"],
    "soft_close": ["Sem pressa, quando puderem.", "Sem pressão, só avisando.", "Quando for conveniente.", "Da minha parte não é urgente.", "Achei que vocês deviam saber.", "Obrigado e bom dia!", "Fiquem à vontade."],
    "loud": ["URGENTE!!!", "Preciso que corrijam isso AGORA!!", "Isso é totalmente inaceitável!", "EMERGÊNCIA, respondam imediatamente!", "Prioridade máxima, ainda hoje!!!", "Por que ninguém responde?! Rápido!", "Estou muito irritado."],
    "severe": """
technical|C|Dúvida sobre o site // Uma coisa com {p}|Desde hoje cedo nenhum dos nossos 35 funcionários consegue entrar no {p}, só diz serviço indisponível. // Há duas horas o {p} não carrega para ninguém no escritório, toda página dá timeout.
technical|C|Página de login // Comportamento estranho|Todos os nossos clientes veem uma página em branco ao abrir nossa loja no {p} desde a madrugada. // Depois da atualização de vocês a plataforma inteira parou de responder, nossos 200 usuários não veem nada.
technical|C|Sobre a exportação // Um detalhe nos relatórios|Nossa página de relatórios agora mostra relatórios de outras empresas com o nome dos clientes delas. // A exportação CSV traz endereços e telefones de clientes que não são nossos.
technical|C|Projetos // Registros faltando|A importação de ontem apagou todos os nossos projetos, três anos de trabalho perdidos. // Todos os registros que lançamos este mês sumiram do {p}, o histórico também está vazio.
technical|HC|Pagamento // Pagamentos com cartão|Desde o meio-dia nenhum cliente consegue pagar na loja, todo pagamento com cartão falha. // Nossa loja não recebeu nenhum pedido hoje, a etapa de pagamento dá erro para todo mundo.
account|C|Dúvida de acesso // Configurações da conta|Alguém trocou o e-mail e a senha da nossa conta de administrador ontem à noite, não conseguimos entrar e há usuários que nunca criamos. // Recebi um alerta de login de outro país e agora minha conta mostra pedidos que eu não fiz.
account|C|Permissões // Papéis de usuário|Qualquer usuário entra na área de admin e vê o salário de todos digitando o endereço na mão. // Um convidado consegue ver e editar todas as nossas fichas privadas de clientes.
billing|C|Faturas // Página de cobrança|Na área de cobrança consigo abrir as faturas de outras empresas, com nomes e dados bancários. // Os recibos que baixamos hoje são de outra empresa, com números de cartão e tudo.
billing|HC|Cobranças // Faturamento|O faturamento de vocês cobrou em dobro nossos 900 clientes hoje de manhã. // Cada assinante nosso foi cobrado dez vezes o valor normal hoje.
technical|H|Sincronização // Pedidos|Desde ontem os pedidos da loja não chegam ao estoque, 60 pedidos parados e nada é enviado. // Toda a nossa equipe de suporte, 12 pessoas, não consegue responder nenhum cliente porque o {p} não carrega os chamados.
account|C|Redefinir senha // E-mail de redefinição|O link de redefinição de senha abriu a conta de outra pessoa, já logada, com as mensagens dela. // Qualquer um que clica em "esqueci a senha" pode escolher qual conta redefinir, testamos com a de um colega.
account|HC|Login // SSO|Desde a mudança de vocês ontem à noite o login falha para cada um dos nossos 80 funcionários, o escritório está parado. // O time todo foi deslogado e ninguém consegue entrar de novo, o botão de SSO fica girando.
account|C|Lista de usuários // Alguns usuários novos|Nossa lista tem cinco administradores que nunca adicionamos e dois gerentes nossos foram removidos. // Alguém tomou a conta de proprietário do nosso espaço e está exportando nossos contatos.
technical|HC|Pagamento de faturas // Link de pagamento|O botão de pagar de toda fatura que enviamos dá erro, nenhum cliente consegue nos pagar esta semana. // As cobranças no cartão das assinaturas falham para todos os clientes desde segunda e as renovações estão vencendo.
billing|C|Reembolsos // Dados bancários|Os reembolsos de ontem foram para os clientes errados, uns 300, com valores de pedidos de outras pessoas. // Cada fatura gerada hoje mostra a conta bancária e o endereço de outro cliente.
technical|C|Backups // Arquivos|A restauração devolveu um banco de dados vazio, nenhum documento desde janeiro abre. // Todos os anexos enviados desde a atualização abrem corrompidos, para todos os nossos usuários.
""",
}

TONE["it"] = {
    "soft_open": ["Domanda veloce:", "Scusate il disturbo,", "Probabilmente non è niente, ma", "Solo una segnalazione:", "Non so se serva un ticket, ma", "Spero stiate bene! Una piccola cosa:", "Una curiosità:"],
    "soft_close": ["Nessuna fretta, quando potete.", "Nessuna pressione, ve lo segnalo e basta.", "Quando vi è comodo.", "Per me non è urgente.", "Ho pensato fosse giusto dirvelo.", "Grazie e buona giornata!", "Fate con calma."],
    "loud": ["URGENTE!!!", "Va sistemato SUBITO!!", "È del tutto inaccettabile!", "EMERGENZA, rispondete immediatamente!", "Priorità assoluta, entro oggi!!!", "Perché nessuno risponde?! Presto!", "Sono estremamente arrabbiato."],
    "severe": """
technical|C|Domanda sul sito // Una cosa su {p}|Da stamattina nessuno dei nostri 35 dipendenti riesce a entrare in {p}, dice solo servizio non disponibile. // Da due ore {p} non si carica per nessuno in ufficio, ogni pagina va in timeout.
technical|C|Pagina di accesso // Comportamento strano|Tutti i nostri clienti vedono una pagina bianca aprendo il nostro negozio su {p}, da stanotte. // Dopo il vostro aggiornamento l'intera piattaforma non risponde, i nostri 200 utenti non vedono nulla.
technical|C|Una cosa sull'export // Un dettaglio nei report|La nostra pagina dei report ora mostra i report di altre aziende con i nomi dei loro clienti. // L'export CSV contiene indirizzi e telefoni di clienti che non sono nostri.
technical|C|Progetti // Voci mancanti|L'importazione di ieri ha cancellato tutti i nostri progetti, tre anni di lavoro spariti. // Tutti i record inseriti questo mese sono spariti da {p}, anche lo storico è vuoto.
technical|HC|Cassa // Pagamenti con carta|Da mezzogiorno nessun cliente riesce a pagare nel nostro shop, ogni pagamento con carta fallisce. // Oggi il negozio online non ha ricevuto un solo ordine, il passaggio di pagamento dà errore a tutti.
account|C|Domanda sul login // Impostazioni del mio account|Stanotte qualcuno ha cambiato email e password del nostro account amministratore, non riusciamo a entrare e ci sono utenti che non abbiamo mai creato. // Ho ricevuto un avviso di accesso dall'estero e ora nel mio account ci sono ordini che non ho fatto.
account|C|Permessi // Ruoli utente|Qualsiasi utente entra nell'area admin e vede gli stipendi di tutti scrivendo l'indirizzo a mano. // Un ospite invitato può vedere e modificare tutte le nostre schede clienti private.
billing|C|Fatture // Pagina di fatturazione|Nella sezione fatturazione posso aprire le fatture di altre aziende, con nomi e coordinate bancarie. // Le ricevute scaricate oggi sono di un'altra azienda, numeri di carta compresi.
billing|HC|Addebiti // Fatturazione|La vostra fatturazione ha addebitato due volte tutti i nostri 900 clienti stamattina. // A ogni nostro abbonato oggi è stato addebitato dieci volte l'importo normale.
technical|H|Sincronizzazione // Ordini|Da ieri gli ordini del negozio non arrivano più al magazzino, 60 ordini fermi e non parte niente. // Tutto il nostro team di assistenza, 12 persone, non può rispondere a nessun cliente perché {p} non carica i ticket.
account|C|Reimpostare la password // Email di reset|Il link per reimpostare la password ha aperto l'account di un'altra persona, già connesso, con i suoi messaggi. // Chiunque clicchi "password dimenticata" può scegliere quale account reimpostare, l'abbiamo provato con quello di un collega.
account|HC|Accesso // Single sign-on|Dalla vostra modifica di ieri sera l'accesso fallisce per ognuno dei nostri 80 dipendenti, l'ufficio è fermo. // Tutto il team è stato disconnesso e nessuno riesce a rientrare, il pulsante SSO gira a vuoto.
account|C|Elenco utenti // Qualche utente nuovo|Nel nostro elenco ci sono cinque amministratori mai aggiunti da noi e due nostri responsabili sono stati rimossi. // Qualcuno si è preso l'account proprietario del nostro spazio e sta esportando i nostri contatti.
technical|HC|Pagare le fatture // Link di pagamento|Il pulsante "paga ora" di ogni fattura che inviamo dà errore, nessun cliente può pagarci questa settimana. // I pagamenti con carta degli abbonamenti falliscono per tutti i clienti da lunedì e i rinnovi scadono.
billing|C|Rimborsi // Coordinate bancarie|I rimborsi di ieri sono andati ai clienti sbagliati, circa 300, con gli importi degli ordini di altre persone. // Ogni fattura generata oggi riporta il conto bancario e l'indirizzo di un altro cliente.
technical|C|Backup // File|Il ripristino ci ha dato un database vuoto, nessun documento da gennaio si apre. // Tutti gli allegati caricati dopo l'aggiornamento risultano danneggiati, per tutti i nostri utenti.
""",
}

TONE["nl"] = {
    "soft_open": ["Korte vraag:", "Sorry dat ik stoor,", "Waarschijnlijk niks, maar", "Even een seintje:", "Weet niet of dit een ticket waard is, maar", "Hopelijk gaat alles goed! Klein dingetje:", "Vraagje tussendoor:"],
    "soft_close": ["Geen haast, wanneer het uitkomt.", "Geen druk, wilde het alleen even melden.", "Wanneer het jullie past.", "Voor mij niet dringend.", "Leek me goed dat jullie het weten.", "Bedankt en fijne dag!", "Neem er rustig de tijd voor."],
    "loud": ["DRINGEND!!!", "Dit moet NU opgelost worden!!", "Dit is volstrekt onacceptabel!", "NOODGEVAL, reageer onmiddellijk!", "Hoogste prioriteit, vandaag nog!!!", "Waarom reageert niemand?! Snel!", "Ik ben ontzettend boos."],
    "severe": """
technical|C|Vraag over de website // Dingetje met {p}|Sinds vanochtend komt geen van onze 35 medewerkers in {p}, er staat alleen dienst niet beschikbaar. // Al twee uur laadt {p} voor niemand op kantoor, elke pagina geeft een timeout.
technical|C|Inlogpagina // Raar gedrag|Al onze klanten zien sinds vannacht een lege pagina als ze onze webshop in {p} openen. // Na jullie update reageert het hele platform niet meer, onze 200 gebruikers zien niets.
technical|C|Iets over de export // Detail in de rapporten|Onze rapportpagina toont nu rapporten van andere bedrijven met namen van hun klanten. // De CSV-export bevat adressen en telefoonnummers van klanten die niet van ons zijn.
technical|C|Projecten // Ontbrekende regels|De import van gisteren heeft al onze projecten gewist, drie jaar werk is weg. // Alle records die we deze maand hebben ingevoerd zijn uit {p} verdwenen, de geschiedenis is ook leeg.
technical|HC|Afrekenen // Kaartbetalingen|Sinds de middag kan geen enkele klant afrekenen in onze shop, elke kaartbetaling mislukt. // Onze webshop heeft vandaag geen enkele bestelling binnengekregen, de betaalstap geeft bij iedereen een fout.
account|C|Vraag over inloggen // Mijn accountinstellingen|Iemand heeft vannacht het e-mailadres en wachtwoord van ons beheerdersaccount veranderd, we komen er niet meer in en er staan gebruikers die we nooit hebben aangemaakt. // Ik kreeg een inlogmelding uit het buitenland en nu staan er bestellingen in mijn account die ik niet heb gedaan.
account|C|Rechten // Gebruikersrollen|Elke gebruiker komt in het beheergedeelte en ziet ieders salaris als hij het adres met de hand intypt. // Een uitgenodigde gast kan al onze privé-klantdossiers zien en bewerken.
billing|C|Facturen // Factuurpagina|In het factuurgedeelte kan ik facturen van andere bedrijven openen, met namen en bankgegevens. // De bonnen die we vandaag hebben gedownload zijn van een ander bedrijf, inclusief kaartnummers.
billing|HC|Afschrijvingen // Facturatierun|Jullie facturatierun heeft vanochtend al onze 900 klanten dubbel afgeschreven. // Bij elke abonnee van ons is vandaag tien keer het normale bedrag afgeschreven.
technical|H|Synchronisatie // Bestellingen|Sinds gisteren komen bestellingen uit de shop niet meer bij het magazijn aan, 60 bestellingen wachten en er gaat niets de deur uit. // Ons hele supportteam van 12 man kan geen enkele klant antwoorden omdat {p} de tickets niet laadt.
account|C|Wachtwoord resetten // Resetmail|De resetlink die ik kreeg opende het account van iemand anders, volledig ingelogd, met zijn berichten. // Iedereen die op "wachtwoord vergeten" klikt kan kiezen welk account gereset wordt, we hebben het geprobeerd met dat van een collega.
account|HC|Inloggen // Single sign-on|Sinds jullie wijziging gisteravond mislukt het inloggen voor elk van onze 80 medewerkers, het kantoor ligt stil. // Het hele team is uitgelogd en niemand komt er meer in, de SSO-knop blijft rondjes draaien.
account|C|Gebruikerslijst // Een paar nieuwe gebruikers|In onze gebruikerslijst staan vijf beheerders die we nooit hebben toegevoegd en twee van onze managers zijn verwijderd. // Iemand heeft het eigenaarsaccount van onze omgeving overgenomen en exporteert onze contacten.
technical|HC|Facturen betalen // Betaallink|De betaalknop op elke factuur die we versturen geeft een fout, geen enkele klant kan ons deze week betalen. // Kaartbetalingen voor onze abonnementen mislukken sinds maandag bij alle klanten en verlengingen verlopen.
billing|C|Terugbetalingen // Bankgegevens|De terugbetalingen van gisteren gingen naar de verkeerde klanten, zo'n 300, met bedragen van andermans bestellingen. // Elke factuur die vandaag is aangemaakt toont het bankrekeningnummer en adres van een andere klant.
technical|C|Back-ups // Bestanden|Het terugzetten leverde een lege database op, geen document sinds januari is nog leesbaar. // Alle bijlagen die sinds de update zijn geüpload openen als beschadigde bestanden, bij al onze gebruikers.
""",
}

TONE["pl"] = {
    "soft_open": ["Krótkie pytanie:", "Przepraszam, że zawracam głowę,", "Pewnie to nic takiego, ale", "Tak tylko sygnalizuję:", "Nie wiem, czy to warte zgłoszenia, ale", "Mam nadzieję, że u Was wszystko dobrze! Drobna sprawa:", "Pytanie przy okazji:"],
    "soft_close": ["Bez pośpiechu, kiedy będziecie mogli.", "Bez presji, tylko informuję.", "Kiedy Wam pasuje.", "Z mojej strony nic pilnego.", "Pomyślałem, że powinniście wiedzieć.", "Dzięki i miłego dnia!", "Nie ma co się spieszyć."],
    "loud": ["PILNE!!!", "Trzeba to naprawić NATYCHMIAST!!", "To jest absolutnie nie do przyjęcia!", "AWARIA, proszę o natychmiastową odpowiedź!", "Najwyższy priorytet, jeszcze dziś!!!", "Dlaczego nikt nie odpowiada?! Szybko!", "Jestem bardzo zdenerwowany."],
    "severe": """
technical|C|Pytanie o stronę // Drobiazg z {p}|Od rana żaden z naszych 35 pracowników nie może wejść do {p}, jest tylko komunikat usługa niedostępna. // Od dwóch godzin {p} nie ładuje się nikomu w biurze, każda strona kończy się timeoutem.
technical|C|Strona logowania // Dziwne zachowanie|Wszyscy nasi klienci widzą od nocy pustą stronę, gdy otwierają nasz sklep w {p}. // Po Waszej aktualizacji cała platforma przestała odpowiadać, nasi 200 użytkowników nic nie widzi.
technical|C|Coś z eksportem // Szczegół w raportach|Nasza strona raportów pokazuje teraz raporty innych firm z nazwiskami ich klientów. // Eksport CSV zawiera adresy i telefony klientów, którzy nie są nasi.
technical|C|Projekty // Brakujące wpisy|Wczorajszy import skasował wszystkie nasze projekty, trzy lata pracy przepadły. // Wszystkie rekordy wprowadzone w tym miesiącu zniknęły z {p}, historia też jest pusta.
technical|HC|Płatność // Płatności kartą|Od południa żaden klient nie może zapłacić w naszym sklepie, każda płatność kartą się nie udaje. // Nasz sklep nie dostał dziś ani jednego zamówienia, krok płatności pokazuje błąd wszystkim.
account|C|Pytanie o logowanie // Ustawienia mojego konta|Ktoś w nocy zmienił e-mail i hasło naszego konta administratora, nie możemy wejść, a są użytkownicy, których nigdy nie zakładaliśmy. // Dostałem alert o logowaniu z innego kraju i teraz na moim koncie są zamówienia, których nie składałem.
account|C|Uprawnienia // Role użytkowników|Każdy użytkownik wchodzi do panelu admina i widzi pensje wszystkich, jeśli wpisze adres ręcznie. // Zaproszony gość może oglądać i edytować wszystkie nasze prywatne kartoteki klientów.
billing|C|Faktury // Strona rozliczeń|W sekcji rozliczeń mogę otworzyć faktury innych firm, z nazwiskami i danymi bankowymi. // Pobrane dziś potwierdzenia należą do innej firmy, razem z numerami kart.
billing|HC|Obciążenia // Rozliczenie|Wasze rozliczenie obciążyło dziś rano podwójnie wszystkich 900 naszych klientów. // Każdy nasz subskrybent został dziś obciążony dziesięciokrotnością zwykłej kwoty.
technical|H|Synchronizacja // Zamówienia|Od wczoraj zamówienia ze sklepu nie docierają do magazynu, 60 zamówień czeka i nic nie wychodzi. // Cały nasz zespół wsparcia, 12 osób, nie może odpowiedzieć żadnemu klientowi, bo {p} nie ładuje zgłoszeń.
account|C|Reset hasła // Mail z resetem|Link do resetu hasła otworzył konto innej osoby, zalogowane, z jej wiadomościami. // Każdy, kto kliknie „nie pamiętam hasła”, może wybrać, które konto zresetować, sprawdziliśmy to na koncie kolegi.
account|HC|Logowanie // Single sign-on|Od Waszej wczorajszej zmiany logowanie nie działa dla żadnego z naszych 80 pracowników, biuro stoi. // Cały zespół został wylogowany i nikt nie może wrócić, przycisk SSO kręci się w kółko.
account|C|Lista użytkowników // Kilku nowych użytkowników|Na naszej liście jest pięciu administratorów, których nigdy nie dodaliśmy, a dwóch naszych kierowników usunięto. // Ktoś przejął konto właściciela naszego obszaru i eksportuje nasze kontakty.
technical|HC|Opłacanie faktur // Link do płatności|Przycisk „zapłać teraz” na każdej wysyłanej fakturze zwraca błąd, żaden klient nie może nam zapłacić w tym tygodniu. // Płatności kartą za subskrypcje nie przechodzą u wszystkich klientów od poniedziałku i odnowienia wygasają.
billing|C|Zwroty // Dane bankowe|Wczorajsze zwroty trafiły do niewłaściwych klientów, około 300, z kwotami cudzych zamówień. // Każda wygenerowana dziś faktura pokazuje konto bankowe i adres innego klienta.
technical|C|Kopie zapasowe // Pliki|Przywracanie dało nam pustą bazę, żaden dokument od stycznia się nie otwiera. // Wszystkie załączniki wgrane od aktualizacji otwierają się jako uszkodzone, u wszystkich naszych użytkowników.
""",
}
# fmt: on
