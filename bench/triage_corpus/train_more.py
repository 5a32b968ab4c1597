# ruff: noqa: E501 - phrase pools read best one per line
"""More TRAINING scenarios, per language: problems common in a support queue that the first pools lacked
(written after the first measurement; phrased independently of eval_pools.py). Appended to each
language's `scen` in train_pools."""

# fmt: off
MORE: dict[str, str] = {}

MORE["en"] = """
billing|LM|Voucher code not accepted // Discount missing|The voucher from your newsletter says invalid at payment. // Our agreed 15% discount is not on the invoice.
billing|MH|Billed in the wrong currency|We were charged in dollars although our contract is in euros. // The invoice currency changed to GBP without notice.
billing|MH|Charged for more licences than we have|You billed 30 seats, we only use 12. // We removed users but still pay for them.
billing|LM|Auto-renewal I didn't want|The subscription renewed automatically, I wanted it to end. // Please turn off automatic renewal and refund this year.
billing|L|Invoice for another entity // Purchase order on invoice|Please address invoices to our parent company from now on. // Can the invoice show our internal order reference?
technical|MH|Attachments won't upload // Upload stuck|Uploading a PDF stops at 99%. // Files bigger than 2 MB fail to attach.
technical|LM|Search finds nothing // Filter broken|Searching for a customer name returns no results although it exists. // The status filter shows tickets of every status.
technical|MH|Times shown wrong // Wrong dates in calendar|Meetings appear two hours off in {p}. // The due date is saved one day early.
technical|LMH|Mobile app freezes // App stuck on loading|{p} freezes on the loading spinner. // The app hangs when I switch between tabs.
technical|HC|Payment page broken for our customers|Our customers get an error on the payment step of {p}. // Nobody can complete a purchase in our shop since the update.
technical|LM|Spelling mistake in the interface // Label cut off|There is a typo on the settings screen. // The button text is cut off in Spanish.
technical|MH|Report empty // Charts not showing|The monthly report shows no data. // The graphs on the dashboard stay blank.
account|LM|Invitation expired // Colleague can't join|The invite link for our new team member expired. // My colleague never got the invitation email.
account|MH|Logged out all the time|{p} signs me out every few minutes. // My session ends whenever I open a new tab.
account|L|Hand over the account // Change owner|I am leaving, please make my colleague the account owner. // How do we transfer ownership of the workspace?
account|LM|Remove a user who left // Deactivate account of ex-employee|Please remove access for a colleague who left the company. // How do I deactivate a user without losing their data?
account|C|Permissions wrong, users see everything|A read-only user can suddenly delete records. // Guests can open our private projects, this is a security problem.
account|L|Change language of my account|How do I switch the interface language to German? // Can I change the time zone in my profile?
general|L|API limits? // Maximum file size?|How many API calls per hour are allowed? // Is there a limit on attachment size?
general|L|Thanks to your colleague|Your colleague Peter solved my issue quickly, thank you! // Great service last week, many thanks.
general|LM|Request a demo // Call with sales|Could we schedule a demo for our management? // I'd like to talk to someone about our requirements.
general|LM|Security questionnaire // Compliance documents|Our IT department needs your security documentation. // Are you certified to ISO 27001 or SOC 2?
general|L|Accessibility // Screen reader support|Is the app usable with a screen reader? // Do you support keyboard-only navigation?
general|L|Unsubscribe from newsletter|Please stop sending me marketing emails. // How do I unsubscribe from the newsletter?
"""

MORE["de"] = """
billing|LM|Gutscheincode ungültig // Rabatt fehlt|Der Gutschein aus Ihrem Newsletter wird als ungültig abgelehnt. // Der vereinbarte Rabatt von 15 % fehlt auf der Rechnung.
billing|MH|Falsche Währung berechnet|Uns wurde in Dollar abgerechnet, obwohl der Vertrag in Euro ist. // Die Rechnungswährung hat sich ohne Ankündigung geändert.
billing|MH|Zu viele Lizenzen berechnet|Sie berechnen 30 Plätze, wir nutzen nur 12. // Wir haben Benutzer entfernt, zahlen aber weiter für sie.
billing|LM|Ungewollte automatische Verlängerung|Das Abo hat sich automatisch verlängert, ich wollte es beenden. // Bitte die automatische Verlängerung abschalten und dieses Jahr erstatten.
billing|L|Rechnung an andere Firma // Bestellnummer auf Rechnung|Bitte Rechnungen ab sofort an unsere Muttergesellschaft. // Kann auf der Rechnung unsere interne Bestellreferenz stehen?
technical|MH|Anhänge lassen sich nicht hochladen|Der Upload einer PDF bleibt bei 99 % stehen. // Dateien über 2 MB lassen sich nicht anhängen.
technical|LM|Suche findet nichts // Filter funktioniert nicht|Die Suche nach einem Kundennamen liefert nichts, obwohl er existiert. // Der Statusfilter zeigt alle Tickets an.
technical|MH|Uhrzeiten falsch // Falsches Datum im Kalender|Termine erscheinen in {p} zwei Stunden verschoben. // Das Fälligkeitsdatum wird einen Tag zu früh gespeichert.
technical|LMH|Mobile App hängt // App lädt endlos|{p} bleibt beim Ladekreis hängen. // Die App friert beim Wechseln der Reiter ein.
technical|HC|Bezahlseite für unsere Kunden kaputt|Unsere Kunden bekommen beim Bezahlen in {p} einen Fehler. // Seit dem Update kann niemand in unserem Shop bestellen.
technical|LM|Rechtschreibfehler in der Oberfläche // Beschriftung abgeschnitten|In den Einstellungen ist ein Tippfehler. // Der Text auf dem Knopf ist auf Französisch abgeschnitten.
technical|MH|Bericht leer // Diagramme werden nicht angezeigt|Der Monatsbericht zeigt keine Daten. // Die Grafiken im Dashboard bleiben leer.
account|LM|Einladung abgelaufen // Kollege kann nicht beitreten|Der Einladungslink für unser neues Teammitglied ist abgelaufen. // Mein Kollege hat die Einladung nie erhalten.
account|MH|Ständig abgemeldet|{p} meldet mich alle paar Minuten ab. // Meine Sitzung endet, sobald ich einen neuen Tab öffne.
account|L|Konto übergeben // Inhaber ändern|Ich gehe, bitte meinen Kollegen zum Kontoinhaber machen. // Wie übertragen wir den Arbeitsbereich an jemand anderen?
account|LM|Ausgeschiedenen Benutzer entfernen|Bitte den Zugang eines ausgeschiedenen Kollegen entfernen. // Wie deaktiviere ich einen Benutzer, ohne seine Daten zu verlieren?
account|C|Berechtigungen falsch, alle sehen alles|Ein Benutzer mit Leserechten kann plötzlich Datensätze löschen. // Gäste können unsere privaten Projekte öffnen, das ist ein Sicherheitsproblem.
account|L|Sprache des Kontos ändern|Wie stelle ich die Oberfläche auf Englisch um? // Kann ich die Zeitzone im Profil ändern?
general|L|API-Grenzen? // Maximale Dateigröße?|Wie viele API-Aufrufe pro Stunde sind erlaubt? // Gibt es eine Grenze für die Größe von Anhängen?
general|L|Dank an Ihren Kollegen|Ihr Kollege Peter hat mein Problem schnell gelöst, danke! // Toller Service letzte Woche, vielen Dank.
general|LM|Demo anfragen // Gespräch mit dem Vertrieb|Können wir eine Demo für unsere Geschäftsleitung vereinbaren? // Ich würde gern mit jemandem über unsere Anforderungen sprechen.
general|LM|Sicherheitsfragebogen // Compliance-Unterlagen|Unsere IT braucht Ihre Sicherheitsdokumentation. // Sind Sie nach ISO 27001 oder SOC 2 zertifiziert?
general|L|Barrierefreiheit // Screenreader|Ist die App mit einem Screenreader nutzbar? // Kann man alles per Tastatur bedienen?
general|L|Newsletter abbestellen|Bitte keine Werbe-Mails mehr schicken. // Wie melde ich mich vom Newsletter ab?
"""

MORE["fr"] = """
billing|LM|Code de réduction refusé // Remise manquante|Le bon de réduction de votre newsletter est refusé au paiement. // La remise de 15 % convenue n'apparaît pas sur la facture.
billing|MH|Facturé dans la mauvaise devise|On nous a facturé en dollars alors que le contrat est en euros. // La devise de la facture a changé sans prévenir.
billing|MH|Trop de licences facturées|Vous facturez 30 postes, nous n'en utilisons que 12. // Nous avons retiré des utilisateurs mais nous payons toujours pour eux.
billing|LM|Renouvellement automatique non voulu|L'abonnement s'est renouvelé tout seul, je voulais l'arrêter. // Merci de désactiver le renouvellement automatique et de rembourser cette année.
billing|L|Facture à une autre société // Référence de commande sur la facture|Merci d'adresser désormais les factures à notre maison mère. // La facture peut-elle porter notre référence de commande interne ?
technical|MH|Impossible de joindre des fichiers|L'envoi d'un PDF bloque à 99 %. // Les fichiers de plus de 2 Mo ne s'attachent pas.
technical|LM|La recherche ne trouve rien // Filtre cassé|La recherche d'un nom de client ne donne rien alors qu'il existe. // Le filtre par statut affiche tous les tickets.
technical|MH|Heures fausses // Mauvaises dates dans le calendrier|Les réunions apparaissent décalées de deux heures dans {p}. // La date d'échéance est enregistrée un jour trop tôt.
technical|LMH|L'appli mobile se bloque // Chargement sans fin|{p} reste bloqué sur l'icône de chargement. // L'appli se fige quand je change d'onglet.
technical|HC|Page de paiement cassée pour nos clients|Nos clients ont une erreur à l'étape de paiement de {p}. // Plus personne ne peut acheter dans notre boutique depuis la mise à jour.
technical|LM|Faute d'orthographe dans l'interface // Texte coupé|Il y a une faute sur l'écran des paramètres. // Le texte du bouton est coupé en allemand.
technical|MH|Rapport vide // Graphiques absents|Le rapport mensuel n'affiche aucune donnée. // Les graphiques du tableau de bord restent vides.
account|LM|Invitation expirée // Un collègue ne peut pas rejoindre|Le lien d'invitation de notre nouveau collègue a expiré. // Mon collègue n'a jamais reçu l'e-mail d'invitation.
account|MH|Déconnecté tout le temps|{p} me déconnecte toutes les quelques minutes. // Ma session se termine dès que j'ouvre un nouvel onglet.
account|L|Céder le compte // Changer de propriétaire|Je pars, merci de nommer mon collègue propriétaire du compte. // Comment transférer l'espace de travail à quelqu'un d'autre ?
account|LM|Retirer un utilisateur parti|Merci de supprimer l'accès d'un collègue qui a quitté l'entreprise. // Comment désactiver un utilisateur sans perdre ses données ?
account|C|Droits erronés, tout le monde voit tout|Un utilisateur en lecture seule peut soudain supprimer des fiches. // Des invités ouvrent nos projets privés, c'est un problème de sécurité.
account|L|Changer la langue du compte|Comment passer l'interface en anglais ? // Puis-je changer le fuseau horaire dans mon profil ?
general|L|Limites de l'API ? // Taille maximale des fichiers ?|Combien d'appels API par heure sont autorisés ? // Y a-t-il une limite de taille pour les pièces jointes ?
general|L|Merci à votre collègue|Votre collègue Pierre a réglé mon souci très vite, merci ! // Super service la semaine dernière, merci beaucoup.
general|LM|Demander une démo // Rendez-vous commercial|Pourrions-nous organiser une démo pour notre direction ? // J'aimerais parler à quelqu'un de nos besoins.
general|LM|Questionnaire de sécurité // Documents de conformité|Notre DSI a besoin de votre documentation sécurité. // Êtes-vous certifiés ISO 27001 ou SOC 2 ?
general|L|Accessibilité // Lecteur d'écran|L'application fonctionne-t-elle avec un lecteur d'écran ? // Peut-on tout faire au clavier ?
general|L|Se désabonner de la newsletter|Merci d'arrêter les e-mails publicitaires. // Comment me désinscrire de la newsletter ?
"""

MORE["es"] = """
billing|LM|Código de descuento no válido // Falta el descuento|El vale de su boletín da error al pagar. // El descuento del 15 % acordado no aparece en la factura.
billing|MH|Cobrado en otra moneda|Nos cobraron en dólares aunque el contrato es en euros. // La moneda de la factura cambió sin aviso.
billing|MH|Nos cobran más licencias de las que tenemos|Nos facturan 30 puestos y usamos solo 12. // Quitamos usuarios pero seguimos pagando por ellos.
billing|LM|Renovación automática no deseada|La suscripción se renovó sola y yo quería cancelarla. // Desactiven la renovación automática y devuelvan este año, por favor.
billing|L|Factura a otra empresa // Referencia de pedido en la factura|A partir de ahora facturen a nuestra empresa matriz. // ¿Puede aparecer nuestra referencia interna de pedido en la factura?
technical|MH|No se pueden subir adjuntos|La subida de un PDF se queda en el 99 %. // Los archivos de más de 2 MB no se adjuntan.
technical|LM|La búsqueda no encuentra nada // Filtro roto|Busco un cliente por nombre y no sale aunque existe. // El filtro de estado muestra todos los tickets.
technical|MH|Horas incorrectas // Fechas mal en el calendario|Las reuniones salen dos horas desplazadas en {p}. // La fecha límite se guarda un día antes.
technical|LMH|La app móvil se queda pillada // Carga infinita|{p} se queda en la rueda de carga. // La app se congela al cambiar de pestaña.
technical|HC|Página de pago rota para nuestros clientes|Nuestros clientes reciben un error en el paso de pago de {p}. // Desde la actualización nadie puede comprar en nuestra tienda.
technical|LM|Falta de ortografía en la interfaz // Texto cortado|Hay una errata en la pantalla de ajustes. // El texto del botón sale cortado en alemán.
technical|MH|Informe vacío // No salen los gráficos|El informe mensual no muestra datos. // Los gráficos del panel se quedan en blanco.
account|LM|Invitación caducada // Un compañero no puede unirse|El enlace de invitación de nuestro nuevo compañero caducó. // Mi compañero nunca recibió el correo de invitación.
account|MH|Me desconecta todo el tiempo|{p} me saca cada pocos minutos. // La sesión se cierra en cuanto abro otra pestaña.
account|L|Ceder la cuenta // Cambiar el titular|Me voy, por favor hagan titular de la cuenta a mi compañero. // ¿Cómo pasamos el espacio de trabajo a otra persona?
account|LM|Quitar a un usuario que se fue|Eliminen el acceso de un compañero que dejó la empresa, por favor. // ¿Cómo desactivo un usuario sin perder sus datos?
account|C|Permisos mal, todos ven todo|Un usuario de solo lectura puede borrar registros de repente. // Los invitados abren nuestros proyectos privados, es un problema de seguridad.
account|L|Cambiar el idioma de la cuenta|¿Cómo pongo la interfaz en inglés? // ¿Puedo cambiar la zona horaria en mi perfil?
general|L|¿Límites de la API? // ¿Tamaño máximo de archivo?|¿Cuántas llamadas a la API por hora se permiten? // ¿Hay un límite de tamaño para adjuntos?
general|L|Gracias a su compañero|Su compañero Pedro resolvió mi problema rapidísimo, ¡gracias! // Gran servicio la semana pasada, muchas gracias.
general|LM|Pedir una demo // Llamada con ventas|¿Podemos organizar una demo para la dirección? // Me gustaría hablar con alguien sobre lo que necesitamos.
general|LM|Cuestionario de seguridad // Documentos de cumplimiento|Nuestro departamento de TI necesita su documentación de seguridad. // ¿Tienen certificación ISO 27001 o SOC 2?
general|L|Accesibilidad // Lector de pantalla|¿La aplicación funciona con lector de pantalla? // ¿Se puede usar solo con teclado?
general|L|Darse de baja del boletín|Dejen de enviarme correos publicitarios, por favor. // ¿Cómo me doy de baja del boletín?
"""

MORE["pt"] = """
billing|LM|Código de desconto inválido // Falta o desconto|O voucher da newsletter dá inválido no pagamento. // O desconto de 15 % combinado não está na fatura.
billing|MH|Cobrado na moeda errada|Fomos cobrados em dólar, mas o contrato é em euro. // A moeda da fatura mudou sem aviso.
billing|MH|Cobrando mais licenças do que temos|Vocês cobram 30 usuários e usamos só 12. // Removemos usuários mas continuamos pagando por eles.
billing|LM|Renovação automática indesejada|A assinatura renovou sozinha e eu queria encerrar. // Desliguem a renovação automática e devolvam este ano, por favor.
billing|L|Fatura para outra empresa // Referência do pedido na fatura|Daqui pra frente faturem para a nossa matriz, por favor. // Dá para colocar nossa referência interna de pedido na fatura?
technical|MH|Não consigo anexar arquivos|O envio de um PDF para em 99 %. // Arquivos com mais de 2 MB não anexam.
technical|LM|A busca não encontra nada // Filtro quebrado|Procuro um cliente pelo nome e não aparece, mas ele existe. // O filtro de status mostra todos os chamados.
technical|MH|Horários errados // Datas erradas no calendário|As reuniões aparecem com duas horas de diferença no {p}. // A data de vencimento é salva um dia antes.
technical|LMH|O app do celular trava // Carregando para sempre|O {p} fica travado no ícone de carregamento. // O app congela quando troco de aba.
technical|HC|Página de pagamento quebrada para nossos clientes|Nossos clientes recebem erro na etapa de pagamento do {p}. // Desde a atualização ninguém consegue comprar na nossa loja.
technical|LM|Erro de ortografia na interface // Texto cortado|Tem um erro de digitação na tela de configurações. // O texto do botão aparece cortado em alemão.
technical|MH|Relatório vazio // Gráficos não aparecem|O relatório mensal não mostra dados. // Os gráficos do painel ficam em branco.
account|LM|Convite expirado // Colega não consegue entrar|O link de convite do nosso novo colega expirou. // Meu colega nunca recebeu o e-mail de convite.
account|MH|Sou desconectado toda hora|O {p} me tira a cada poucos minutos. // A sessão acaba quando abro outra aba.
account|L|Passar a conta // Trocar o titular|Estou saindo, por favor coloquem meu colega como titular da conta. // Como transferimos o espaço de trabalho para outra pessoa?
account|LM|Remover usuário que saiu|Removam o acesso de um colega que saiu da empresa, por favor. // Como desativo um usuário sem perder os dados dele?
account|C|Permissões erradas, todo mundo vê tudo|Um usuário somente leitura consegue apagar registros de repente. // Convidados abrem nossos projetos privados, é um problema de segurança.
account|L|Mudar o idioma da conta|Como coloco a interface em inglês? // Posso mudar o fuso horário no meu perfil?
general|L|Limites da API? // Tamanho máximo de arquivo?|Quantas chamadas de API por hora são permitidas? // Existe limite de tamanho para anexos?
general|L|Agradecimento ao seu colega|Seu colega Pedro resolveu meu problema rapidinho, obrigado! // Ótimo atendimento semana passada, muito obrigado.
general|LM|Pedir uma demonstração // Conversa com vendas|Podemos marcar uma demo para a diretoria? // Gostaria de falar com alguém sobre nossas necessidades.
general|LM|Questionário de segurança // Documentos de conformidade|Nossa TI precisa da documentação de segurança de vocês. // Vocês têm certificação ISO 27001 ou SOC 2?
general|L|Acessibilidade // Leitor de tela|O aplicativo funciona com leitor de tela? // Dá para usar tudo só pelo teclado?
general|L|Cancelar a newsletter|Parem de me mandar e-mails de marketing, por favor. // Como cancelo a inscrição na newsletter?
"""

MORE["it"] = """
billing|LM|Codice sconto non valido // Manca lo sconto|Il buono della newsletter risulta non valido al pagamento. // Lo sconto del 15 % concordato non è in fattura.
billing|MH|Addebitato nella valuta sbagliata|Ci avete addebitato in dollari ma il contratto è in euro. // La valuta della fattura è cambiata senza preavviso.
billing|MH|Fatturate più licenze di quelle che abbiamo|Fatturate 30 postazioni, ne usiamo solo 12. // Abbiamo tolto utenti ma li paghiamo ancora.
billing|LM|Rinnovo automatico non voluto|L'abbonamento si è rinnovato da solo, volevo chiuderlo. // Disattivate il rinnovo automatico e rimborsate quest'anno, per favore.
billing|L|Fattura a un'altra società // Riferimento ordine in fattura|D'ora in poi intestate le fatture alla nostra capogruppo. // Si può indicare in fattura il nostro riferimento d'ordine interno?
technical|MH|Non riesco a caricare allegati|Il caricamento di un PDF si ferma al 99 %. // I file oltre 2 MB non si allegano.
technical|LM|La ricerca non trova nulla // Filtro rotto|Cerco un cliente per nome e non esce, ma esiste. // Il filtro per stato mostra tutti i ticket.
technical|MH|Orari sbagliati // Date errate nel calendario|Le riunioni compaiono spostate di due ore in {p}. // La scadenza viene salvata un giorno prima.
technical|LMH|L'app mobile si blocca // Caricamento infinito|{p} resta fermo sulla rotellina di caricamento. // L'app si congela quando cambio scheda.
technical|HC|Pagina di pagamento rotta per i nostri clienti|I nostri clienti ricevono un errore al passaggio di pagamento di {p}. // Dall'aggiornamento nessuno riesce a comprare nel nostro negozio.
technical|LM|Errore di ortografia nell'interfaccia // Testo tagliato|C'è un refuso nella schermata delle impostazioni. // Il testo del pulsante è tagliato in tedesco.
technical|MH|Report vuoto // I grafici non compaiono|Il report mensile non mostra dati. // I grafici della dashboard restano vuoti.
account|LM|Invito scaduto // Un collega non riesce a unirsi|Il link d'invito del nostro nuovo collega è scaduto. // Il mio collega non ha mai ricevuto l'email d'invito.
account|MH|Mi disconnette in continuazione|{p} mi fa uscire ogni pochi minuti. // La sessione si chiude appena apro una nuova scheda.
account|L|Cedere l'account // Cambiare titolare|Me ne vado, per favore rendete il mio collega titolare dell'account. // Come trasferiamo lo spazio di lavoro a un'altra persona?
account|LM|Rimuovere un utente che se n'è andato|Togliete l'accesso a un collega che ha lasciato l'azienda, per favore. // Come disattivo un utente senza perdere i suoi dati?
account|C|Permessi sbagliati, tutti vedono tutto|Un utente in sola lettura all'improvviso può eliminare record. // Gli ospiti aprono i nostri progetti privati, è un problema di sicurezza.
account|L|Cambiare la lingua dell'account|Come imposto l'interfaccia in inglese? // Posso cambiare il fuso orario nel profilo?
general|L|Limiti delle API? // Dimensione massima dei file?|Quante chiamate API all'ora sono consentite? // C'è un limite di dimensione per gli allegati?
general|L|Grazie al vostro collega|Il vostro collega Paolo ha risolto il mio problema in fretta, grazie! // Ottimo servizio la settimana scorsa, grazie mille.
general|LM|Richiedere una demo // Chiamata con le vendite|Possiamo organizzare una demo per la direzione? // Vorrei parlare con qualcuno delle nostre esigenze.
general|LM|Questionario di sicurezza // Documenti di conformità|Il nostro reparto IT ha bisogno della vostra documentazione di sicurezza. // Siete certificati ISO 27001 o SOC 2?
general|L|Accessibilità // Lettore di schermo|L'app funziona con un lettore di schermo? // Si può usare tutto solo con la tastiera?
general|L|Disiscriversi dalla newsletter|Smettete di mandarmi email promozionali, per favore. // Come mi cancello dalla newsletter?
"""

MORE["nl"] = """
billing|LM|Kortingscode ongeldig // Korting ontbreekt|De voucher uit jullie nieuwsbrief wordt bij betalen geweigerd. // De afgesproken korting van 15 % staat niet op de factuur.
billing|MH|In verkeerde valuta gefactureerd|We zijn in dollars gefactureerd terwijl het contract in euro is. // De valuta op de factuur is zonder bericht veranderd.
billing|MH|Meer licenties gefactureerd dan we hebben|Jullie rekenen 30 plekken, we gebruiken er 12. // We hebben gebruikers verwijderd maar betalen nog voor ze.
billing|LM|Ongewenste automatische verlenging|Het abonnement is vanzelf verlengd, ik wilde stoppen. // Zet de automatische verlenging uit en betaal dit jaar terug, graag.
billing|L|Factuur naar ander bedrijf // Referentie op de factuur|Graag voortaan factureren aan ons moederbedrijf. // Kan onze interne orderreferentie op de factuur?
technical|MH|Bijlagen uploaden lukt niet|Het uploaden van een pdf blijft op 99 % hangen. // Bestanden groter dan 2 MB kan ik niet bijvoegen.
technical|LM|Zoeken vindt niets // Filter kapot|Zoeken op een klantnaam geeft niets terwijl de klant bestaat. // Het statusfilter toont alle tickets.
technical|MH|Tijden kloppen niet // Verkeerde datum in agenda|Afspraken staan in {p} twee uur verschoven. // De deadline wordt een dag te vroeg opgeslagen.
technical|LMH|Mobiele app hangt // Blijft laden|{p} blijft hangen op het laadrondje. // De app bevriest als ik van tabblad wissel.
technical|HC|Betaalpagina kapot voor onze klanten|Onze klanten krijgen een fout bij de betaalstap van {p}. // Sinds de update kan niemand meer bestellen in onze winkel.
technical|LM|Spelfout in de interface // Tekst afgekapt|Er staat een typfout op het instellingenscherm. // De tekst op de knop is in het Duits afgekapt.
technical|MH|Rapport leeg // Grafieken verschijnen niet|Het maandrapport toont geen gegevens. // De grafieken op het dashboard blijven leeg.
account|LM|Uitnodiging verlopen // Collega kan niet meedoen|De uitnodigingslink voor ons nieuwe teamlid is verlopen. // Mijn collega heeft de uitnodigingsmail nooit ontvangen.
account|MH|Steeds uitgelogd|{p} logt me om de paar minuten uit. // Mijn sessie stopt zodra ik een nieuw tabblad open.
account|L|Account overdragen // Eigenaar wijzigen|Ik vertrek, maak mijn collega alsjeblieft eigenaar van het account. // Hoe dragen we de werkruimte over aan iemand anders?
account|LM|Vertrokken gebruiker verwijderen|Graag de toegang weghalen van een collega die is vertrokken. // Hoe deactiveer ik een gebruiker zonder zijn gegevens kwijt te raken?
account|C|Rechten fout, iedereen ziet alles|Een gebruiker met alleen leesrechten kan ineens records verwijderen. // Gasten openen onze privéprojecten, dit is een beveiligingsprobleem.
account|L|Taal van het account wijzigen|Hoe zet ik de interface in het Engels? // Kan ik de tijdzone in mijn profiel aanpassen?
general|L|API-limieten? // Maximale bestandsgrootte?|Hoeveel API-aanroepen per uur mogen we doen? // Is er een limiet voor de grootte van bijlagen?
general|L|Dank aan jullie collega|Jullie collega Pieter loste mijn probleem snel op, dank! // Geweldige service vorige week, hartelijk bedankt.
general|LM|Demo aanvragen // Gesprek met sales|Kunnen we een demo plannen voor onze directie? // Ik wil graag met iemand praten over onze wensen.
general|LM|Beveiligingsvragenlijst // Compliance-documenten|Onze IT-afdeling heeft jullie beveiligingsdocumentatie nodig. // Zijn jullie ISO 27001- of SOC 2-gecertificeerd?
general|L|Toegankelijkheid // Schermlezer|Werkt de app met een schermlezer? // Kan alles met alleen het toetsenbord?
general|L|Afmelden voor de nieuwsbrief|Stuur me alsjeblieft geen reclamemails meer. // Hoe meld ik me af voor de nieuwsbrief?
"""

MORE["pl"] = """
billing|LM|Kod rabatowy nieważny // Brakuje rabatu|Voucher z waszego newslettera jest odrzucany przy płatności. // Uzgodnionego rabatu 15 % nie ma na fakturze.
billing|MH|Obciążono w złej walucie|Obciążyliście nas w dolarach, a umowa jest w euro. // Waluta faktury zmieniła się bez uprzedzenia.
billing|MH|Naliczono więcej licencji niż mamy|Naliczacie 30 stanowisk, używamy tylko 12. // Usunęliśmy użytkowników, ale nadal za nich płacimy.
billing|LM|Niechciane automatyczne odnowienie|Subskrypcja odnowiła się sama, a chciałem ją zakończyć. // Proszę wyłączyć automatyczne odnowienie i zwrócić opłatę za ten rok.
billing|L|Faktura na inną firmę // Numer zamówienia na fakturze|Proszę od teraz wystawiać faktury na naszą spółkę matkę. // Czy na fakturze może być nasz wewnętrzny numer zamówienia?
technical|MH|Nie da się wgrać załączników|Wysyłanie PDF-a zatrzymuje się na 99 %. // Pliki większe niż 2 MB się nie dołączają.
technical|LM|Wyszukiwarka nic nie znajduje // Filtr nie działa|Szukam klienta po nazwisku i nic, choć istnieje. // Filtr statusu pokazuje wszystkie zgłoszenia.
technical|MH|Złe godziny // Złe daty w kalendarzu|Spotkania w {p} są przesunięte o dwie godziny. // Termin zapisuje się dzień za wcześnie.
technical|LMH|Aplikacja mobilna się zacina // Wieczne ładowanie|{p} zatrzymuje się na kółku ładowania. // Aplikacja zamarza przy zmianie zakładki.
technical|HC|Strona płatności nie działa dla naszych klientów|Nasi klienci dostają błąd na etapie płatności w {p}. // Od aktualizacji nikt nie może kupić w naszym sklepie.
technical|LM|Błąd ortograficzny w interfejsie // Ucięty tekst|Na ekranie ustawień jest literówka. // Tekst na przycisku jest ucięty po niemiecku.
technical|MH|Pusty raport // Wykresy się nie pokazują|Raport miesięczny nie pokazuje danych. // Wykresy na pulpicie zostają puste.
account|LM|Zaproszenie wygasło // Kolega nie może dołączyć|Link z zaproszeniem dla nowego członka zespołu wygasł. // Mój kolega nigdy nie dostał maila z zaproszeniem.
account|MH|Ciągle mnie wylogowuje|{p} wylogowuje mnie co kilka minut. // Sesja kończy się, gdy otwieram nową kartę.
account|L|Przekazanie konta // Zmiana właściciela|Odchodzę, proszę ustawić kolegę jako właściciela konta. // Jak przenieść przestrzeń roboczą na inną osobę?
account|LM|Usunięcie użytkownika, który odszedł|Proszę usunąć dostęp koledze, który odszedł z firmy. // Jak dezaktywować użytkownika bez utraty jego danych?
account|C|Złe uprawnienia, wszyscy widzą wszystko|Użytkownik tylko do odczytu nagle może usuwać rekordy. // Goście otwierają nasze prywatne projekty, to problem bezpieczeństwa.
account|L|Zmiana języka konta|Jak przełączyć interfejs na angielski? // Czy mogę zmienić strefę czasową w profilu?
general|L|Limity API? // Maksymalny rozmiar pliku?|Ile wywołań API na godzinę jest dozwolonych? // Czy jest limit rozmiaru załączników?
general|L|Podziękowania dla waszego kolegi|Wasz kolega Piotr szybko rozwiązał mój problem, dzięki! // Świetna obsługa w zeszłym tygodniu, bardzo dziękuję.
general|LM|Prośba o demo // Rozmowa z działem sprzedaży|Czy możemy umówić demo dla zarządu? // Chciałbym porozmawiać z kimś o naszych potrzebach.
general|LM|Ankieta bezpieczeństwa // Dokumenty zgodności|Nasz dział IT potrzebuje waszej dokumentacji bezpieczeństwa. // Czy macie certyfikat ISO 27001 lub SOC 2?
general|L|Dostępność // Czytnik ekranu|Czy aplikacja działa z czytnikiem ekranu? // Czy da się wszystko obsłużyć samą klawiaturą?
general|L|Wypisanie z newslettera|Proszę nie wysyłać mi więcej maili reklamowych. // Jak wypisać się z newslettera?
"""
