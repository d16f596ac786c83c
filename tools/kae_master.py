"""Master tables of the KAE classification and of the budget service codes (Greek municipalities).

Read by tools/make_finance_codelists.py; not a script. Each line is ``code|Greek label|English
label``. The Greek labels are the official titles of the classification of municipal revenue and
expenditure (ΚΥΑ 7028/2004, ΦΕΚ Β' 253/2004, as amended), taken from the 2014 edition that
OpenBudgets.eu published as SKOS (github.com/openbudgets/Code-lists @98e5bf0,
UnifiedViews/skosified/kae/kae-ota-{esodwn,exodwn,administration}-2014) and edited only to:

- write headings in sentence case with accents (the source has ΤΑΚΤΙΚΑ ΕΣΟΔΑ),
- drop the references to articles of law the source appends to some titles ("(άρθρο 192 ΚΔΚ)"),
  several of which are truncated there,
- correct typing errors of the source (αποδοχες, ειφορές, κεταφορικών, Π.Ο.Ε, ...).

The English labels are demoi's translations. Codes that the 2024 budgets use but the 2014 edition
lacks (later amendments) are in CURATED_KAE, each with the reason its wording was chosen.
"""

from __future__ import annotations

# fmt: off
# ruff: noqa: E501  (one code per line, however long its title)

OFFICIAL_KAE = """\
0|Τακτικά έσοδα|Regular revenue
01|Πρόσοδοι από ακίνητη περιουσία|Income from immovable property
011|Μισθώματα|Rents
0111|Μισθώματα από αστικά ακίνητα|Rents from urban property
0112|Μισθώματα βοσκήσιμων εκτάσεων|Rents from grazing land
0113|Μισθώματα καλλιεργήσιμης γης|Rents from arable land
0114|Μισθώματα δημοτικής αγοράς|Rents from the municipal market
0115|Μισθώματα από την παραχώρηση κοινόχρηστων χώρων για την τοποθέτηση διαφημιστικών μέσων|Rents from granting public spaces for advertising installations
0116|Μισθώματα δημοτικών και κοινοτικών λατομείων|Rents from municipal and community quarries
0117|Μισθώματα δασών και δασικών εκτάσεων|Rents from forests and forest land
0118|Μισθώματα ιχθυοτροφείων|Rents from fish farms
012|Έσοδα από εκμετάλλευση εδάφους ακίνητης περιουσίας και κοινόχρηστων χώρων|Revenue from the use of land, property and public spaces
0121|Έσοδα από την εκμετάλλευση διαφημιστικών χώρων σε αθλητικές εγκαταστάσεις και στέγαστρα αστικών και υπεραστικών συγκοινωνιών|Revenue from advertising space at sports facilities and public transport shelters
0122|Τέλη και δικαιώματα από εμποροπανηγύρεις, παζάρια και λαϊκές αγορές|Charges and dues from trade fairs, bazaars and street markets
0123|Δικαίωμα αμμοληψίας|Sand extraction dues
0124|Έσοδα από την εκμετάλλευση αναδασωμένων εκτάσεων|Revenue from reforested land
0125|Δικαίωμα βοσκής|Grazing dues
0126|Ειδικό δικαίωμα χρήσης βελτιωμένων βοσκοτόπων|Special dues for the use of improved pastures
0127|Δικαίωμα χρήσης αποκαλυπτόμενων καλλιεργήσιμων εκτάσεων|Dues for the use of arable land uncovered by receding waters
0128|Δικαίωμα χρήσης δημοτικών και κοινοτικών κατοικιών|Dues for the use of municipal and community housing
0129|Λοιπά έσοδα από ακίνητα|Other revenue from immovable property
02|Έσοδα από κινητή περιουσία|Income from movable property
021|Τόκοι κεφαλαίων|Interest on capital
0211|Τόκοι χρηματικών καταθέσεων σε τράπεζες|Interest on bank deposits
0212|Τόκοι λοιπών περιπτώσεων|Other interest
0213|Έσοδα από λοιπές κινητές αξίες|Revenue from other securities
023|Έσοδα από λοιπή κινητή περιουσία|Revenue from other movable property
0231|Μισθώματα κινητών πραγμάτων|Rents from movable goods
0239|Λοιπά έσοδα από κινητή περιουσία|Other revenue from movable property
03|Έσοδα από ανταποδοτικά τέλη και δικαιώματα|Revenue from service charges and dues
031|Υπηρεσίες καθαριότητας και ηλεκτροφωτισμού|Cleaning and street-lighting services
0311|Τέλος καθαριότητας και φωτισμού|Cleaning and lighting charge
0312|Επιδοτήσεις από οργανισμούς λιμένων και λιμενικά ταμεία|Subsidies from port authorities and port funds
0313|Λοιπά έσοδα των υπηρεσιών καθαριότητας και ηλεκτροφωτισμού|Other revenue of the cleaning and street-lighting services
032|Υπηρεσία ύδρευσης|Water supply service
0323|Έσοδα από δαπάνες που έγιναν για λογαριασμό των υδροληπτών|Revenue from expenses incurred on behalf of water users
0324|Λοιπά έσοδα της υπηρεσίας ύδρευσης|Other revenue of the water supply service
033|Υπηρεσία άρδευσης|Irrigation service
0331|Δικαιώματα χρήσης αρδευτικού δικτύου|Dues for the use of the irrigation network
0332|Λοιπά έσοδα της υπηρεσίας άρδευσης|Other revenue of the irrigation service
034|Υπηρεσία αποχέτευσης|Sewerage service
0341|Δικαιώματα σύνδεσης με το αποχετευτικό δίκτυο|Sewer connection dues
0342|Τέλη χρήσης υπονόμων|Sewer usage charges
0343|Λοιπά έσοδα της υπηρεσίας αποχέτευσης|Other revenue of the sewerage service
04|Έσοδα από λοιπά τέλη, δικαιώματα και παροχή υπηρεσιών|Revenue from other charges, dues and services
041|Έσοδα νεκροταφείων|Cemetery revenue
0411|Δικαιώματα σύστασης οικογενειακού τάφου|Dues for establishing a family grave
0412|Δικαίωμα ενταφιασμού|Burial dues
0413|Δικαίωμα ανανέωσης (παράτασης χρόνου ταφής)|Renewal dues (extension of the burial period)
0414|Τέλος ανακομιδής|Exhumation charge
0415|Δικαιώματα από τη χρήση οστεοφυλακίων|Ossuary dues
0416|Δικαιώματα ιεροπραξιών|Religious ceremony dues
0417|Λοιπά έσοδα νεκροταφείων και ιερών ναών|Other revenue of cemeteries and churches
042|Έσοδα από σφαγεία|Slaughterhouse revenue
0421|Δικαιώματα χρήσης σφαγείων|Slaughterhouse usage dues
0422|Λοιπά έσοδα σφαγείων|Other slaughterhouse revenue
043|Έσοδα από την εκμετάλλευση έργων και την παροχή υπηρεσιών|Revenue from operating facilities and providing services
0431|Έσοδα από ειδικούς χώρους στάθμευσης|Revenue from dedicated car parks
0432|Εισιτήρια θεάτρων, μουσείων κ.λπ.|Tickets for theatres, museums etc.
0433|Σταθμικά και μετρικά δικαιώματα|Weighing and measuring dues
0434|Λοιπά έσοδα από την εκμετάλλευση έργων και την παροχή υπηρεσιών|Other revenue from operating facilities and providing services
044|Έσοδα από τέλος ακίνητης περιουσίας|Revenue from the immovable property levy
0441|Τέλος ακίνητης περιουσίας|Immovable property levy (ΤΑΠ)
045|Τέλος επί των ακαθάριστων εσόδων επιτηδευματιών|Levy on the gross receipts of businesses
0451|Τέλος διαμονής παρεπιδημούντων|Visitor accommodation levy
0452|Τέλος επί των ακαθάριστων εσόδων των κέντρων διασκέδασης, εστιατορίων και συναφών καταστημάτων|Levy on the gross receipts of entertainment venues, restaurants and similar premises
046|Λοιπά τέλη και δικαιώματα|Other charges and dues
0461|Τέλος χρήσης κοινόχρηστων χώρων|Charge for the use of public spaces
0462|Τέλος διαφήμισης|Advertising charge
0463|Δικαίωμα εμπορίας πόσιμων υδάτων|Dues for selling drinking water
0464|Τέλη ελεγχόμενης στάθμευσης σε κοινόχρηστους χώρους|Controlled on-street parking charges
0465|Ειδικό τέλος λατομικών προϊόντων|Special charge on quarry products
0466|Τέλος παροπλιζόμενων πλοίων|Charge on laid-up ships
0467|Τέλος οχημάτων επιβιβαζόμενων σε οχηματαγωγά πλοία|Charge on vehicles boarding ferries
0468|Τέλος αδειών οικοδομών|Building permit charge
0469|Τέλος ανανεώσιμων πηγών ενέργειας|Renewable energy charge
05|Φόροι και εισφορές|Taxes and contributions
051|Φόροι|Taxes
0511|Φόρος ηλεκτροδοτούμενων χώρων|Tax on electrified premises
0512|Φόρος ζύθου|Beer tax
0513|Δημοτικός φόρος Δωδεκανήσου|Dodecanese municipal tax
0514|Λοιποί φόροι|Other taxes
052|Εισφορές|Contributions
0521|Εισφορά σε χρήμα λόγω ένταξης ή επέκτασης πολεοδομικών σχεδίων|Cash contribution for inclusion in or extension of a town plan
0522|Μετατροπή σε χρήμα της εισφοράς σε γη|Conversion of the land contribution into cash
0523|Εισφορά 40% ή 75% του ΚΗ/1947 Ψηφίσματος|40% or 75% contribution under Resolution ΚΗ/1947
0524|Ειδική εισφορά εφαρμογής ρυμοτομικών σχεδίων|Special contribution for implementing street plans
0525|Ειδική εισφορά διυλιστηρίων πετρελαίου|Special contribution of oil refineries
0526|Έσοδα για δαπάνες μεταφοράς παιδιών δημοτικών παιδικών σταθμών|Revenue for transporting children of municipal nurseries
0527|Τροφεία δημοτικών παιδικών και βρεφονηπιακών σταθμών|Meal fees of municipal nurseries and day-care centres
0529|Λοιπές εισφορές|Other contributions
053|Δυνητικές εισφορές|Optional contributions
0531|Λοιπές δυνητικές εισφορές|Other optional contributions
06|Έσοδα από επιχορηγήσεις για λειτουργικές δαπάνες|Revenue from grants for operating expenditure
061|Από θεσμοθετημένους πόρους για κάλυψη λειτουργικών δαπανών|From statutory resources for operating expenditure
0611|ΚΑΠ για την κάλυψη γενικών αναγκών|Central Autonomous Resources (ΚΑΠ) for general needs
0612|ΚΑΠ για την καταβολή μισθωμάτων ακινήτων για τη στέγαση δημόσιων σχολικών μονάδων και λοιπών υπηρεσιών|ΚΑΠ for rents of buildings housing public schools and other services
0613|ΚΑΠ από τον φόρο εισοδήματος φυσικών και νομικών προσώπων σε δήμους του Νομού Δωδεκανήσου|ΚΑΠ from income tax for municipalities of the Dodecanese
0614|ΚΑΠ για την κάλυψη των λειτουργικών αναγκών των σχολείων πρωτοβάθμιας και δευτεροβάθμιας εκπαίδευσης|ΚΑΠ for the operating needs of primary and secondary schools
0615|ΚΑΠ για την καταβολή αποζημίωσης σε σχολικούς τροχονόμους|ΚΑΠ for paying school crossing wardens
0619|ΚΑΠ για λοιπούς σκοπούς (δεν περιλαμβάνονται πιστώσεις του ΠΔΕ)|ΚΑΠ for other purposes (excluding Public Investment Programme credits)
062|Από θεσμοθετημένους πόρους για κάλυψη γενικών δαπανών|From statutory resources for general expenditure
0621|Κάλυψη δαπάνης προνοιακών επιδομάτων|Funding of welfare allowances
07|Λοιπά τακτικά έσοδα|Other regular revenue
071|Λοιπά τακτικά έσοδα|Other regular revenue
0711|Έσοδα από μισθώματα δημόσιων λατομείων|Revenue from rents of public quarries
0712|Μισθώματα θαλάσσιων εκτάσεων|Rents of sea areas
0713|Παράβολα για την έκδοση αδειών ίδρυσης και λειτουργίας επιχειρήσεων υγειονομικού ενδιαφέροντος|Fees for licences to set up and run premises subject to health regulation
0714|Έσοδα από τη διάθεση δασικών προϊόντων του Δημοσίου|Revenue from the disposal of state forest products
0715|Τέλος διαφήμισης της κατηγορίας Δ΄|Advertising charge, category D
0718|Λοιπά τακτικά έσοδα που δεν εντάσσονται στις ανωτέρω τάξεις|Other regular revenue not classified above
1|Έκτακτα έσοδα|Extraordinary revenue
11|Έσοδα από εκποίηση κινητής και ακίνητης περιουσίας|Revenue from the sale of movable and immovable property
111|Έσοδα από εκποίηση ακινήτων|Revenue from the sale of real estate
1111|Εκποίηση οικοπέδων σε άστεγους δημότες|Sale of plots to homeless residents
1112|Εκποίηση οικοπέδων στον Οργανισμό Εργατικής Κατοικίας|Sale of plots to the Workers' Housing Organisation
1113|Εκποίηση δημοτικών ή κοινοτικών εκτάσεων για την ίδρυση ή επέκταση βιομηχανικών ή βιοτεχνικών επιχειρήσεων και κτηνοτροφικών εκμεταλλεύσεων|Sale of municipal land for setting up or extending industrial, craft or livestock businesses
1115|Προσκύρωση δημοτικών ή κοινοτικών εκτάσεων|Transfer of municipal land strips to adjoining plots
1116|Λοιπά έσοδα από εκποίηση ακίνητης περιουσίας|Other revenue from the sale of immovable property
112|Έσοδα από εκποίηση κινητών|Revenue from the sale of movable property
1121|Εκποίηση οχημάτων|Sale of vehicles
1122|Εκποίηση άλλων κινητών πραγμάτων|Sale of other movable goods
12|Έκτακτες επιχορηγήσεις για κάλυψη λειτουργικών δαπανών|Extraordinary grants for operating expenditure
121|Επιχορηγήσεις για κάλυψη λειτουργικών δαπανών|Grants for operating expenditure
1211|Από εθνικούς πόρους|From national resources
1212|Από συγχρηματοδοτούμενα προγράμματα|From co-financed programmes
1213|Έσοδα από προγραμματικές συμβάσεις για υλοποίηση τοπικών πολιτικών|Revenue from programme agreements implementing local policies
1214|Επιχορηγήσεις για πυροπροστασία που προορίζονται για λειτουργικές δαπάνες|Fire-protection grants for operating expenditure
1215|Επιχορηγήσεις για εξόφληση ληξιπρόθεσμων υποχρεώσεων|Grants for paying off overdue liabilities
1219|Λοιπές επιχορηγήσεις|Other grants
13|Επιχορηγήσεις για επενδύσεις|Grants for investment
131|Επιχορηγήσεις από θεσμοθετημένους πόρους για επενδυτικές δαπάνες|Grants from statutory resources for investment expenditure
1311|ΚΑΠ επενδυτικών δαπανών των δήμων|ΚΑΠ for municipal investment expenditure
1312|Επισκευή και συντήρηση σχολικών κτιρίων|Repair and maintenance of school buildings
1313|Επιχορηγήσεις για πυροπροστασία που προορίζονται για επενδυτικές δαπάνες|Fire-protection grants for investment expenditure
1314|Επιχορηγήσεις από το πρόγραμμα «Θησέας»|Grants from the «Thiseas» programme
1319|Λοιπά ειδικά προγράμματα|Other special programmes
132|Λοιπές επιχορηγήσεις για επενδύσεις και έργα|Other grants for investment and works
1321|Χρηματοδοτήσεις από περιφερειακά επιχειρησιακά προγράμματα|Funding from regional operational programmes
1322|Χρηματοδοτήσεις από κεντρικούς φορείς|Funding from central government bodies
1323|Χρηματοδοτήσεις έργων από την Ευρωπαϊκή Ένωση|European Union funding of works
1324|Χρηματοδοτήσεις έργων από διεθνείς οργανισμούς|Funding of works from international organisations
1325|Επιχορηγήσεις από εθνικούς πόρους για κάλυψη έκτακτων αναγκών για έργα|Grants from national resources for emergency works
1411|Προϊόν δωρεών|Proceeds of donations
142|Κληρονομιές και κληροδοσίες|Inheritances and bequests
1421|Έσοδα από κληρονομιές και κληροδοσίες|Revenue from inheritances and bequests
15|Προσαυξήσεις, πρόστιμα, παράβολα|Surcharges, fines and fees
151|Προσαυξήσεις και πρόστιμα|Surcharges and fines
1511|Προσαυξήσεις εκπρόθεσμης καταβολής χρεών|Surcharges for late payment of debts
1512|Πρόστιμα του Κώδικα Οδικής Κυκλοφορίας, του ν.δ. 805/1971 και του α.ν. 170/1967|Fines under the Road Traffic Code, Decree 805/1971 and Law 170/1967
1513|Πρόστιμα για παραβάσεις φορολογικών διατάξεων|Fines for breaches of tax provisions
1514|Πρόστιμα ανέγερσης και διατήρησης αυθαίρετων κατασκευών|Fines for erecting and keeping unauthorised buildings
1515|Πειθαρχικά πρόστιμα σε βάρος των υπαλλήλων|Disciplinary fines on employees
1516|Έσοδα από διάφορες καταλογιστικές αποφάσεις|Revenue from surcharge decisions
1517|Πρόστιμα και ποινικές ρήτρες που επιβάλλονται σε βάρος προμηθευτών και εργολάβων|Fines and penalty clauses imposed on suppliers and contractors
1518|Καταπτώσεις εγγυήσεων|Forfeited guarantees
1519|Λοιπά πρόστιμα και χρηματικές ποινές που επιβάλλονται βάσει ειδικών διατάξεων|Other fines and pecuniary penalties under special provisions
152|Παράβολα|Administrative fees
1521|Παράβολα πλειστηριασμών|Auction fees
1522|Παράβολα για τη χορήγηση διευκολύνσεων τμηματικής καταβολής χρεών|Fees for granting instalment arrangements
16|Λοιπά έκτακτα έσοδα|Other extraordinary revenue
161|Έσοδα από επιχειρήσεις|Revenue from enterprises
1611|Έσοδα από δημοτικές ή κοινοτικές κοινωφελείς επιχειρήσεις|Revenue from municipal public-benefit enterprises
1612|Έσοδα από αμιγείς δημοτικές ή κοινοτικές και διαδημοτικές ή διακοινοτικές επιχειρήσεις|Revenue from wholly owned municipal and inter-municipal enterprises
1613|Έσοδα από λοιπές δημοτικές επιχειρήσεις|Revenue from other municipal enterprises
1614|Έσοδα από συμμετοχή σε λοιπές επιχειρήσεις|Revenue from holdings in other enterprises
162|Έσοδα από δαπάνες που πραγματοποιήθηκαν για λογαριασμό τρίτων|Recovery of expenses incurred on behalf of third parties
1621|Δαπάνες αφαίρεσης παράνομων διαφημιστικών μέσων|Costs of removing illegal advertising
1622|Έξοδα ακινητοποίησης και μεταφοράς παράνομα σταθμευμένων οχημάτων|Costs of immobilising and towing illegally parked vehicles
1623|Δαπάνες απομάκρυνσης και φύλαξης εγκαταλελειμμένων οχημάτων|Costs of removing and storing abandoned vehicles
1624|Έσοδα από την κατασκευή, επισκευή και συντήρηση οδών και πεζοδρομίων|Revenue from building, repairing and maintaining roads and pavements
1625|Αποζημίωση που καταβλήθηκε για λογαριασμό των υπόχρεων λόγω προσκύρωσης ή ρυμοτόμησης ακινήτων|Compensation paid on behalf of liable owners for land transfers or street-plan takings
1626|Έσοδα από συμβάσεις διαδημοτικής συνεργασίας|Revenue from inter-municipal cooperation agreements
1627|Εισφορές άλλων ΟΤΑ για την καταβολή αποζημίωσης στα μέλη του υπηρεσιακού συμβουλίου|Contributions of other local authorities to the allowances of staff council members
1628|Εισφορές άλλων ΟΤΑ για τη μισθοδοσία ελεγκτών εσόδων-εξόδων και εισπρακτόρων|Contributions of other local authorities to the pay of revenue and expenditure auditors and collectors
1691|Τέλη που επιβάλλονται σε επιχειρήσεις για την εκτέλεση έργων και προγραμμάτων προστασίας του περιβάλλοντος|Charges on businesses for environmental protection works and programmes
1692|Εφάπαξ ειδική εισφορά για τη δημιουργία κοινόχρηστων χώρων|One-off special contribution for creating public spaces
1693|Έσοδα από την πώληση αγαθών ή την παροχή υπηρεσιών|Revenue from selling goods or providing services
1699|Έσοδα που δεν εμπίπτουν σε κανέναν από τους λοιπούς κωδικούς της ομάδας 1 «Έκτακτα έσοδα»|Revenue not falling under any other code of class 1 «Extraordinary revenue»
2|Έσοδα παρελθόντων οικονομικών ετών που βεβαιώνονται για πρώτη φορά|Revenue of previous fiscal years certified for the first time
21|Τακτικά έσοδα ΠΟΕ|Regular revenue of previous fiscal years
211|Τακτικά έσοδα παρελθόντων οικονομικών ετών που βεβαιώνονται και εισπράττονται για πρώτη φορά|Regular revenue of previous fiscal years certified and collected for the first time
2111|Τακτικά έσοδα από τέλη καθαριότητας και ηλεκτροφωτισμού|Regular revenue from cleaning and lighting charges
2112|Τακτικά έσοδα από τέλη και δικαιώματα ύδρευσης|Regular revenue from water supply charges and dues
2113|Τακτικά έσοδα από τέλη και δικαιώματα άρδευσης|Regular revenue from irrigation charges and dues
2114|Τακτικά έσοδα από τέλη και δικαιώματα αποχέτευσης|Regular revenue from sewerage charges and dues
2115|Τακτικά έσοδα από τέλος ακίνητης περιουσίας|Regular revenue from the immovable property levy
2116|Τακτικά έσοδα από δυνητικά ανταποδοτικά τέλη και εισφορές|Regular revenue from optional service charges and contributions
2117|Τακτικά έσοδα από εισφορά λόγω ένταξης ή επέκτασης πολεοδομικών σχεδίων|Regular revenue from town-plan contributions
2118|Τακτικά έσοδα επί των ακαθάριστων εσόδων επιτηδευματιών|Regular revenue from the levy on the gross receipts of businesses
2119|Τακτικά έσοδα από λοιπά έσοδα|Regular revenue from other sources
22|Έκτακτα έσοδα ΠΟΕ|Extraordinary revenue of previous fiscal years
221|Έκτακτα έσοδα παρελθόντων οικονομικών ετών που βεβαιώνονται και εισπράττονται για πρώτη φορά|Extraordinary revenue of previous fiscal years certified and collected for the first time
2211|Έκτακτα γενικά έσοδα|Extraordinary general revenue
2212|Έκτακτα ειδικευμένα έσοδα|Extraordinary earmarked revenue
3|Εισπράξεις από δάνεια και απαιτήσεις από ΠΟΕ|Loan receipts and claims from previous fiscal years
31|Εισπράξεις από δάνεια|Loan receipts
311|Δάνεια για κάλυψη λειτουργικών δαπανών|Loans for operating expenditure
3111|Δάνεια του Ταμείου Παρακαταθηκών και Δανείων|Loans from the Deposits and Loans Fund
3112|Δάνεια από άλλους πιστωτικούς οργανισμούς της ημεδαπής ή της αλλοδαπής|Loans from other domestic or foreign credit institutions
312|Δάνεια για κάλυψη επενδυτικών δαπανών|Loans for investment expenditure
3121|Δάνεια του Ταμείου Παρακαταθηκών και Δανείων|Loans from the Deposits and Loans Fund
3122|Δάνεια από άλλους πιστωτικούς οργανισμούς της ημεδαπής ή της αλλοδαπής|Loans from other domestic or foreign credit institutions
32|Εισπρακτέα υπόλοιπα από βεβαιωθέντα έσοδα κατά τα παρελθόντα έτη|Receivables from revenue certified in previous years
321|Εισπρακτέα υπόλοιπα από βεβαιωθέντα κατά τα παρελθόντα οικονομικά έτη τακτικά έσοδα|Receivables from regular revenue certified in previous fiscal years
3211|Τέλη καθαριότητας και ηλεκτροφωτισμού|Cleaning and lighting charges
3212|Τέλη και δικαιώματα ύδρευσης|Water supply charges and dues
3213|Τέλη και δικαιώματα άρδευσης|Irrigation charges and dues
3214|Τέλη και δικαιώματα αποχέτευσης|Sewerage charges and dues
3215|Τέλος ακίνητης περιουσίας|Immovable property levy (ΤΑΠ)
3216|Δυνητικά ανταποδοτικά τέλη και εισφορές|Optional service charges and contributions
3217|Εισφορά λόγω ένταξης ή επέκτασης πολεοδομικών σχεδίων|Town-plan contributions
3218|Τακτικά έσοδα επί των ακαθάριστων εσόδων επιτηδευματιών|Regular revenue from the levy on the gross receipts of businesses
3221|Έκτακτα γενικά έσοδα|Extraordinary general revenue
3222|Έκτακτα ειδικευμένα έσοδα|Extraordinary earmarked revenue
4|Εισπράξεις υπέρ του Δημοσίου και τρίτων και επιστροφές χρημάτων|Receipts on behalf of the State and third parties, and refunds
41|Εισπράξεις υπέρ του Δημοσίου και τρίτων|Receipts on behalf of the State and third parties
411|Συνταξιοδοτικές εισφορές|Pension contributions
4111|Εισφορά υπέρ του Δημοσίου στις αποδοχές και τα έξοδα παράστασης|Contribution to the State on pay and representation allowances
4112|Εξαγορά συντάξιμης υπηρεσίας|Buy-back of pensionable service
412|Φόροι και λοιπές επιβαρύνσεις|Taxes and other charges
4121|Φόροι μισθωτών υπηρεσιών|Taxes on employment income
4122|Φόροι και χαρτόσημο δημάρχων, αντιδημάρχων, μελών δημοτικών συμβουλίων και λοιπών συλλογικών οργάνων|Taxes and stamp duty of mayors, deputy mayors, councillors and members of other collective bodies
4123|Φόροι προμηθευτών, εργολάβων, ελεύθερων επαγγελματιών κ.λπ.|Taxes of suppliers, contractors, self-employed professionals etc.
4124|Λοιπές κρατήσεις υπέρ του Δημοσίου|Other withholdings for the State
413|Ασφαλιστικές εισφορές|Social security contributions
4131|Εισφορές σε ασφαλιστικούς οργανισμούς και ταμεία|Contributions to social security bodies and funds
4132|Εισφορά για το εφάπαξ βοήθημα του ν. 103/1975|Contribution for the lump-sum benefit of Law 103/1975
414|Λοιπές εισπράξεις υπέρ τρίτων|Other receipts on behalf of third parties
4141|Κρατήσεις στις αποδοχές για την εξόφληση δανείων του Ταμείου Παρακαταθηκών και Δανείων|Pay deductions for repaying Deposits and Loans Fund loans
4142|Λοιπές κρατήσεις υπέρ τρίτων|Other withholdings for third parties
42|Επιστροφές χρημάτων|Refunds
421|Επιστροφές χρημάτων|Refunds
4211|Επιστροφή χρημάτων από υπολόγους χρηματικών ενταλμάτων προπληρωμής|Money returned by holders of advance payment orders
4212|Επιστροφή πάγιας προκαταβολής|Return of the petty cash advance
4213|Επιστροφή αχρεωστήτως καταβληθέντων χρηματικών ποσών|Refund of amounts paid in error
4218|Επιστροφή χρημάτων από δημοτικές επιχειρήσεις μετά από κατάπτωση εγγυήσεων υπέρ αυτών|Money returned by municipal enterprises after guarantees in their favour were called
4219|Επιστροφή εν γένει χρημάτων|Refunds in general
5|Χρηματικό υπόλοιπο|Cash balance
51|Χρηματικό υπόλοιπο προηγούμενης χρήσης|Cash balance brought forward from the previous year
511|Χρηματικό υπόλοιπο προερχόμενο από τακτικά έσοδα|Cash balance from regular revenue
5111|Χρηματικό υπόλοιπο προερχόμενο από τακτικά έσοδα για την κάλυψη υποχρεώσεων παρελθόντων ετών|Cash balance from regular revenue for liabilities of previous years
5112|Χρηματικό υπόλοιπο προερχόμενο από τακτικά έσοδα για την κάλυψη έργων του ΠΔΕ ή πιστώσεων για δημόσιες επενδύσεις|Cash balance from regular revenue for Public Investment Programme works or public investment credits
5113|Χρηματικό υπόλοιπο προερχόμενο από τακτικά έσοδα για την κάλυψη ειδικευμένων δαπανών|Cash balance from regular revenue for earmarked expenditure
5119|Χρηματικό υπόλοιπο προερχόμενο από τακτικά έσοδα για την κάλυψη εν γένει δαπανών του δήμου|Cash balance from regular revenue for the municipality's expenditure in general
512|Χρηματικό υπόλοιπο προερχόμενο από έκτακτα έσοδα|Cash balance from extraordinary revenue
5121|Χρηματικό υπόλοιπο προερχόμενο από έκτακτα έσοδα για την κάλυψη υποχρεώσεων παρελθόντων ετών|Cash balance from extraordinary revenue for liabilities of previous years
5122|Χρηματικό υπόλοιπο προερχόμενο από έκτακτα έσοδα για την κάλυψη έργων του ΠΔΕ ή πιστώσεων για δημόσιες επενδύσεις|Cash balance from extraordinary revenue for Public Investment Programme works or public investment credits
5123|Χρηματικό υπόλοιπο προερχόμενο από έκτακτα έσοδα για την κάλυψη ειδικευμένων δαπανών|Cash balance from extraordinary revenue for earmarked expenditure
6|Έξοδα χρήσης|Current expenditure
60|Αμοιβές και έξοδα προσωπικού|Staff pay and costs
601|Αποδοχές μόνιμων υπαλλήλων|Pay of permanent staff
6011|Τακτικές αποδοχές (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)|Regular pay (basic salary, holiday bonuses, general and special regular allowances)
6012|Αποζημίωση υπερωριακής εργασίας και για εξαιρέσιμες ημέρες και νυκτερινές ώρες και λοιπές πρόσθετες αμοιβές|Pay for overtime, public holidays, night hours and other additional pay
6013|Εφάπαξ βοήθημα του ν. 103/1975|Lump-sum benefit under Law 103/1975
602|Αποδοχές τακτικών υπαλλήλων με σύμβαση αορίστου χρόνου|Pay of staff on open-ended contracts
6021|Τακτικές αποδοχές (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)|Regular pay (basic salary, holiday bonuses, general and special regular allowances)
6022|Αποζημίωση υπερωριακής εργασίας και για εξαιρέσιμες ημέρες και νυκτερινές ώρες και λοιπές πρόσθετες αμοιβές|Pay for overtime, public holidays, night hours and other additional pay
603|Αποδοχές υπαλλήλων ειδικών θέσεων|Pay of special-post staff
6031|Τακτικές αποδοχές (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)|Regular pay (basic salary, holiday bonuses, general and special regular allowances)
6032|Αποζημίωση υπερωριακής εργασίας και για εξαιρέσιμες ημέρες και νυκτερινές ώρες και λοιπές πρόσθετες αμοιβές|Pay for overtime, public holidays, night hours and other additional pay
604|Αποδοχές έκτακτων υπαλλήλων (επί συμβάσει, ημερομίσθιοι, ωρομίσθιοι κ.λπ.)|Pay of temporary staff (fixed-term, daily-paid, hourly-paid etc.)
6041|Τακτικές αποδοχές (περιλαμβάνονται βασικός μισθός, δώρα εορτών, γενικά και ειδικά τακτικά επιδόματα)|Regular pay (basic salary, holiday bonuses, general and special regular allowances)
6042|Αποζημίωση υπερωριακής εργασίας και για εξαιρέσιμες ημέρες και νυκτερινές ώρες και λοιπές πρόσθετες αμοιβές|Pay for overtime, public holidays, night hours and other additional pay
605|Εργοδοτικές εισφορές δήμων και κοινοτήτων κοινωνικής ασφάλισης|Employer social security contributions
6051|Εργοδοτικές εισφορές προσωπικού με σχέση δημοσίου δικαίου|Employer contributions for public-law staff
6052|Εργοδοτικές εισφορές προσωπικού με σύμβαση αορίστου χρόνου|Employer contributions for staff on open-ended contracts
6053|Εργοδοτικές εισφορές υπαλλήλων ειδικών θέσεων|Employer contributions for special-post staff
6054|Εργοδοτικές εισφορές έκτακτου προσωπικού|Employer contributions for temporary staff
6055|Λοιπές εργοδοτικές εισφορές|Other employer contributions
6056|Ετήσια εισφορά στο ΤΑΔΚΥ|Annual contribution to the municipal employees' fund (ΤΑΔΚΥ)
606|Παρεπόμενες παροχές και έξοδα προσωπικού|Fringe benefits and other staff costs
6061|Παροχές ένδυσης (ένδυση εργατοτεχνικού και ένστολου προσωπικού)|Clothing (for manual and uniformed staff)
6062|Έξοδα κηδείας υπαλλήλων που απεβίωσαν|Funeral expenses of deceased employees
6063|Λοιπές παροχές σε είδος|Other benefits in kind
607|Δαπάνες πρόσληψης, εκπαίδευσης και επιμόρφωσης προσωπικού|Recruitment, training and further training of staff
6071|Δαπάνες εισαγωγικής εκπαίδευσης νέων υπαλλήλων|Induction training of new staff
6072|Δαπάνες εκπαίδευσης προσωπικού δημοτικής αστυνομίας|Training of municipal police staff
6073|Δαπάνες επιμόρφωσης προσωπικού και συμμετοχής σε συνέδρια και σεμινάρια|Staff training, conferences and seminars
6074|Δαπάνες διαδικασιών πρόσληψης που αποδίδονται στο ΑΣΕΠ|Recruitment costs paid to ΑΣΕΠ
61|Αμοιβές αιρετών και τρίτων|Pay of elected officials and third parties
611|Αμοιβές και έξοδα ελεύθερων επαγγελματιών|Fees and expenses of self-employed professionals
6111|Αμοιβές νομικών και συμβολαιογράφων|Fees of lawyers and notaries
6112|Αμοιβές τεχνικών|Fees of engineers and technicians
6113|Αμοιβές μεταφραστών|Fees of translators
6114|Αμοιβές καλλιτεχνών|Fees of artists
6115|Αμοιβές λογιστών|Fees of accountants
6116|Αμοιβές δικαστικών επιμελητών|Fees of court bailiffs
6117|Λοιπές αμοιβές όσων εκτελούν ειδικές υπηρεσίες με την ιδιότητα του ελεύθερου επαγγελματία|Other fees of those providing special services as self-employed professionals
612|Δαπάνες αιρετών|Costs of elected officials
6121|Αντιμισθία αιρετών και έξοδα παράστασης|Remuneration and representation allowance of elected officials
6122|Αποζημίωση και έξοδα κίνησης δημοτικών συμβούλων|Allowances and travel expenses of municipal councillors
6123|Έξοδα κίνησης προέδρων δημοτικών συμβουλίων|Travel expenses of municipal council chairs
6124|Έξοδα κηδείας δημάρχων και προέδρων κοινοτήτων|Funeral expenses of mayors and community presidents
6125|Λοιπές αποζημιώσεις και έξοδα αιρετών|Other allowances and expenses of elected officials
6126|Εργοδοτικές εισφορές επί των εξόδων παράστασης και των λοιπών παροχών σε αιρετούς|Employer contributions on representation allowances and other benefits of elected officials
613|Αμοιβές τρίτων μη ελεύθερων επαγγελματιών|Fees of third parties who are not self-employed
6131|Λοιπές αμοιβές τρίτων|Other third-party fees
6132|Αποζημίωση για συμμετοχή σε συμβούλια και επιτροπές|Allowances for sitting on boards and committees
6133|Αποζημιώσεις μελών και γραμματέα φορολογικών επιτροπών|Allowances of members and secretaries of tax committees
6134|Αποζημιώσεις μελών και γραμματέα υπηρεσιακού συμβουλίου|Allowances of members and secretary of the staff council
614|Αμοιβές τρίτων με την ιδιότητα νομικού προσώπου|Fees of third parties that are legal persons
6141|Αμοιβές νομικών προσώπων δημοσίου δικαίου|Fees of public-law legal entities
6142|Αμοιβές νομικών προσώπων ιδιωτικού δικαίου|Fees of private-law legal entities
615|Έξοδα βεβαίωσης και είσπραξης|Assessment and collection costs
6151|Δικαιώματα τρίτων (ΔΕΗ κ.λπ.) από την είσπραξη τελών και φόρων|Fees of third parties (ΔΕΗ etc.) for collecting charges and taxes
6152|Έξοδα κίνησης δημοτικών εισπρακτόρων|Travel expenses of municipal collectors
6153|Έξοδα διοικητικής εκτέλεσης|Administrative enforcement costs
6154|Λοιπά έξοδα βεβαίωσης και είσπραξης|Other assessment and collection costs
616|Λοιπές αμοιβές και έξοδα τρίτων|Other third-party fees and expenses
6161|Υλοποίηση συμβάσεων διαδημοτικής συνεργασίας|Implementation of inter-municipal cooperation agreements
6162|Λοιπά έξοδα τρίτων|Other third-party expenses
62|Παροχές τρίτων|Third-party services
621|Παροχές παραγωγικής διαδικασίας|Utilities for production processes
6211|Αντίτιμο ηλεκτρικού ρεύματος για φωτισμό οδών, πλατειών και κοινόχρηστων χώρων και παραγωγικής διαδικασίας|Electricity for lighting streets, squares and public spaces and for production processes
6212|Φωταέριο και φυσικό αέριο παραγωγικής διαδικασίας|Town gas and natural gas for production processes
6213|Ύδρευση παραγωγικής διαδικασίας|Water for production processes
622|Επικοινωνίες|Communications
6221|Ταχυδρομικά τέλη|Postage
6222|Τηλεφωνικά, τηλεγραφικά και τηλετυπικά τέλη εσωτερικού|Domestic telephone, telegraph and telex charges
6223|Κινητή τηλεφωνία|Mobile telephony
6224|Λοιπές επικοινωνίες|Other communications
623|Ενοίκια – μισθώματα|Rents and leases
6231|Μισθώματα εδαφικών εκτάσεων – γαιών|Rent of land
6232|Μισθώματα κτιρίων – τεχνικών έργων|Rent of buildings and structures
6233|Μισθώματα μηχανημάτων – τεχνικών εγκαταστάσεων|Rent of machinery and technical installations
6234|Μισθώματα μεταφορικών μέσων|Rent of vehicles
6235|Μισθώματα επίπλων, σκευών και λοιπού εξοπλισμού|Rent of furniture, fittings and other equipment
6236|Λοιπά μισθώματα|Other rents
624|Ενοίκια χρηματοδοτικής μίσθωσης (leasing)|Finance lease payments (leasing)
6241|Leasing εδαφικών εκτάσεων|Leasing of land
6242|Leasing κτιρίων|Leasing of buildings
6243|Leasing μηχανημάτων|Leasing of machinery
6244|Leasing μεταφορικών μέσων|Leasing of vehicles
6245|Leasing επίπλων και λοιπού εξοπλισμού|Leasing of furniture and other equipment
625|Ασφάλιστρα|Insurance premiums
6251|Ασφάλιστρα ακινήτων|Property insurance
6252|Ασφάλιστρα μηχανημάτων – τεχνικών εγκαταστάσεων|Insurance of machinery and technical installations
6253|Ασφάλιστρα μεταφορικών μέσων|Vehicle insurance
6254|Ασφάλιστρα επίπλων και λοιπού εξοπλισμού|Insurance of furniture and other equipment
6255|Λοιπά ασφάλιστρα|Other insurance
626|Συντήρηση και επισκευή αγαθών διαρκούς χρήσης από τρίτους|Maintenance and repair of durable assets by third parties
6261|Συντήρηση και επισκευή κτιρίων – ακινήτων του δήμου|Maintenance and repair of municipal buildings and property
6262|Συντήρηση και επισκευή λοιπών μόνιμων εγκαταστάσεων (πλην κτιρίων – έργων)|Maintenance and repair of other permanent installations (other than buildings and works)
6263|Συντήρηση και επισκευή μεταφορικών μέσων|Maintenance and repair of vehicles
6264|Συντήρηση και επισκευή λοιπών μηχανημάτων|Maintenance and repair of other machinery
6265|Συντήρηση και επισκευή επίπλων, σκευών και λοιπού εξοπλισμού|Maintenance and repair of furniture, fittings and other equipment
6266|Συντήρηση εφαρμογών λογισμικού|Software maintenance
627|Ύδρευση, φωτισμός, καθαριότητα (λοιπές παροχές τρίτων)|Water, lighting and cleaning (other third-party services)
6271|Ύδρευση δημοτικών κτιρίων κ.λπ.|Water supply of municipal buildings etc.
6272|Άρδευση|Irrigation
6273|Φωτισμός και κίνηση (με ηλεκτρισμό ή φωταέριο) για τις δικές τους υπηρεσίες|Lighting and power (electricity or gas) for the municipality's own services
6274|Δαπάνες καθαρισμού γραφείων|Office cleaning
6275|Δαπάνες καθαρισμού φρεατίων, δεξαμενών κ.λπ.|Cleaning of gullies, tanks etc.
6276|Δαπάνες εκκένωσης βόθρων|Cesspit emptying
6277|Δαπάνες συλλογής και μεταφοράς στερεών αποβλήτων και ανακυκλώσιμων υλικών|Collection and transport of solid waste and recyclables
6278|Δαπάνες φύλαξης κτιρίων|Building security
6279|Λοιπές δαπάνες για ύδρευση, άρδευση, φωτισμό, καθαριότητα|Other water, irrigation, lighting and cleaning costs
63|Φόροι – τέλη|Taxes and charges
631|Φόροι|Taxes
6311|Φόροι τόκων|Taxes on interest
6312|Λοιποί φόροι|Other taxes
632|Τέλη κυκλοφορίας μεταφορικών μέσων|Vehicle circulation tax
6321|Τέλη κυκλοφορίας επιβατικών αυτοκινήτων|Circulation tax on passenger cars
6322|Τέλη κυκλοφορίας φορτηγών αυτοκινήτων|Circulation tax on lorries
6323|Λοιπά τέλη κυκλοφορίας|Other circulation taxes
633|Διάφοροι φόροι και τέλη|Various taxes and charges
6331|Λοιποί φόροι και τέλη|Other taxes and charges
64|Λοιπά γενικά έξοδα|Other general expenses
641|Έξοδα μεταφορών|Transport costs
6411|Έξοδα κίνησης ιδιόκτητων μεταφορικών μέσων (καύσιμα, λιπαντικά, διόδια κ.λπ.)|Running costs of own vehicles (fuel, lubricants, tolls etc.)
6412|Έξοδα μεταφοράς αγαθών – φορτοεκφορτωτικά|Carriage of goods, loading and unloading
6413|Μεταφορές προσώπων|Passenger transport
6414|Μεταφορές εν γένει|Transport in general
642|Οδοιπορικά έξοδα και έξοδα ταξιδιών|Travel and subsistence
6421|Οδοιπορικά έξοδα και αποζημίωση μετακινούμενων αιρετών|Travel and subsistence of elected officials
6422|Οδοιπορικά έξοδα και αποζημίωση μετακινούμενων υπαλλήλων|Travel and subsistence of staff
6423|Οδοιπορικά έξοδα και αποζημίωση τρίτων|Travel and subsistence of third parties
643|Δημόσιες σχέσεις (έξοδα εκθέσεων, προβολής και διαφήμισης)|Public relations (exhibitions, promotion and advertising)
6431|Έξοδα ενημέρωσης και προβολής δραστηριοτήτων του δήμου|Information about and promotion of municipal activities
6432|Δαπάνες εκθέσεων στο εσωτερικό και στο εξωτερικό|Exhibitions in Greece and abroad
6433|Τιμητικές διακρίσεις, αναμνηστικά δώρα και έξοδα φιλοξενίας φυσικών προσώπων και αντιπροσωπειών|Honours, souvenirs and hospitality for persons and delegations
6434|Λοιπές δαπάνες δημοσίων σχέσεων|Other public relations costs
644|Συνέδρια και εορτές|Conferences and celebrations
6441|Συμμετοχές σε συνέδρια, συναντήσεις και διαλέξεις|Attending conferences, meetings and lectures
6442|Διοργάνωση συνεδρίων, συναντήσεων και διαλέξεων|Organising conferences, meetings and lectures
6443|Δαπάνες δεξιώσεων και εθνικών ή τοπικών εορτών|Receptions and national or local celebrations
6444|Έξοδα αδελφοποιήσεων|Town-twinning expenses
645|Συνδρομές|Subscriptions
6451|Συνδρομές σε εφημερίδες, περιοδικά και ηλεκτρονικά μέσα|Subscriptions to newspapers, periodicals and electronic media
6452|Συνδρομές internet|Internet subscriptions
6453|Λοιπές συνδρομές|Other subscriptions
646|Έξοδα δημοσιεύσεων|Publication costs
6461|Έξοδα δημοσίευσης οικονομικών καταστάσεων|Publishing financial statements
6462|Δημοσίευση προκηρύξεων|Publishing calls and notices
6463|Έξοδα λοιπών δημοσιεύσεων|Other publications
647|Έξοδα καλλιτεχνικών, αθλητικών και κοινωνικών δραστηριοτήτων|Cultural, sports and social activities
6471|Έξοδα πολιτιστικών δραστηριοτήτων|Cultural activities
6472|Έξοδα αθλητικών δραστηριοτήτων|Sports activities
6473|Έξοδα οργάνωσης κοινωνικών δραστηριοτήτων|Organising social activities
6474|Έξοδα λοιπών παρεμφερών δραστηριοτήτων|Other similar activities
648|Έξοδα κατασκηνώσεων, εξοχών και συσσιτίων|Camps, holiday centres and soup kitchens
6481|Έξοδα λειτουργίας συσσιτίων|Running soup kitchens
6482|Έξοδα λειτουργίας κατασκηνώσεων – εξοχών|Running camps and holiday centres
6483|Έξοδα οργάνωσης και εκτέλεσης αθλητικών, πολιτιστικών κ.λπ. εκδηλώσεων στις κατασκηνώσεις|Sports, cultural and other events at camps
6484|Λοιπά έξοδα κατασκηνώσεων – εξοχών|Other costs of camps and holiday centres
649|Διάφορα έξοδα γενικής φύσης|Miscellaneous general expenses
6491|Έξοδα εκμετάλλευσης κινητής και ακίνητης περιουσίας του δήμου|Costs of managing the municipality's movable and immovable property
6492|Δικαστικά έξοδα και έξοδα εκτέλεσης δικαστικών αποφάσεων ή συμβιβαστικών πράξεων|Legal costs and costs of enforcing court decisions or settlements
6493|Δαπάνες οργάνωσης παθητικής αεράμυνας|Civil air-defence arrangements
6494|Έξοδα συμβολαιογράφων και δικαστικών επιμελητών|Notary and bailiff expenses
6495|Λοιπές δαπάνες γενικής φύσης|Other general expenses
65|Πληρωμές για την εξυπηρέτηση της δημόσιας πίστης|Debt service payments
651|Πληρωμές για την εξυπηρέτηση της δημόσιας πίστης (δάνεια για κάλυψη λειτουργικών δαπανών)|Debt service (loans for operating expenditure)
6511|Τόκοι δανείων εσωτερικού|Interest on domestic loans
6512|Τόκοι δανείων εξωτερικού|Interest on foreign loans
6513|Τόκοι από λοιπά χρέη|Interest on other debts
6514|Συμβολαιογραφικά έξοδα και δαπάνες σύναψης δανείων|Notarial and loan-arrangement costs
6515|Αμοιβές και προμήθειες τραπεζών|Bank fees and commissions
6516|Χρεολύσια δανείων εσωτερικού|Principal repayments of domestic loans
6517|Χρεολύσια δανείων εξωτερικού|Principal repayments of foreign loans
6518|Χρεολύσια λοιπών χρεών|Principal repayments of other debts
652|Πληρωμές για την εξυπηρέτηση της δημόσιας πίστης (δάνεια για κάλυψη επενδυτικών δαπανών)|Debt service (loans for investment expenditure)
6521|Τόκοι δανείων εσωτερικού|Interest on domestic loans
6522|Τόκοι δανείων εξωτερικού|Interest on foreign loans
6523|Τόκοι από λοιπά χρέη|Interest on other debts
6524|Συμβολαιογραφικά έξοδα και δαπάνες σύναψης δανείων|Notarial and loan-arrangement costs
6525|Αμοιβές και προμήθειες τραπεζών|Bank fees and commissions
6526|Χρεολύσια δανείων εσωτερικού|Principal repayments of domestic loans
6527|Χρεολύσια δανείων εξωτερικού|Principal repayments of foreign loans
66|Δαπάνες προμήθειας αναλωσίμων|Purchase of consumables
661|Έντυπα, βιβλία, γραφική ύλη, εκδόσεις|Forms, books, stationery and publications
6611|Προμήθεια βιβλίων κ.λπ.|Books etc.
6612|Γραφική ύλη και λοιπά υλικά γραφείων|Stationery and other office supplies
6613|Προμήθεια εντύπων και υλικών μηχανογράφησης και πολλαπλών εκτυπώσεων|Forms, computer consumables and printing supplies
6614|Λοιπές προμήθειες ειδών γραφείου|Other office supplies
6615|Εκτυπώσεις, εκδόσεις, βιβλιοδετήσεις|Printing, publishing and binding
662|Κλινοστρωμνές, είδη κατασκήνωσης και τρόφιμα|Bedding, camping equipment and food
6621|Είδη κλινοστρωμνής|Bedding
6622|Είδη κατασκήνωσης|Camping equipment
663|Είδη υγιεινής και καθαριότητας|Hygiene and cleaning products
6631|Προμήθεια υγειονομικού και φαρμακευτικού υλικού|Sanitary and pharmaceutical supplies
6632|Προμήθεια κτηνιατρικού υλικού|Veterinary supplies
6633|Προμήθεια χημικού υλικού (απολυμαντικά, χημικά κ.λπ.)|Chemicals (disinfectants etc.)
6634|Προμήθεια ειδών καθαριότητας και ευπρεπισμού|Cleaning and toiletry products
6635|Προμήθεια λοιπών ειδών υγιεινής και καθαριότητας|Other hygiene and cleaning products
664|Καύσιμα και λιπαντικά|Fuel and lubricants
6641|Προμήθεια καυσίμων και λιπαντικών για κίνηση μεταφορικών μέσων|Fuel and lubricants for vehicles
6642|Προμήθεια καυσίμων και λιπαντικών για κίνηση αντλιοστασίων|Fuel and lubricants for pumping stations
6643|Προμήθεια καυσίμων για θέρμανση και φωτισμό|Fuel for heating and lighting
6644|Προμήθεια καυσίμων και λιπαντικών για λοιπές ανάγκες|Fuel and lubricants for other needs
665|Υλικό εκτυπωτικών, τυπογραφικών, βιβλιοδετικών και λοιπών εργασιών|Materials for printing, typesetting, binding and other work
6651|Προμήθεια υλικού τοπογραφήσεων και σχεδιάσεων|Surveying and drawing materials
6652|Προμήθεια φωτογραφικού υλικού|Photographic materials
6653|Προμήθεια κινηματογραφικού υλικού|Film materials
6654|Προμήθεια λοιπού υλικού|Other materials
666|Υλικά συντήρησης κτιρίων και έργων|Materials for maintaining buildings and works
6661|Υλικά συντήρησης και επισκευής κτιρίων|Materials for maintaining and repairing buildings
6662|Υλικά συντήρησης και επισκευής λοιπών εγκαταστάσεων|Materials for maintaining and repairing other installations
667|Ανταλλακτικά μηχανικού και λοιπού εξοπλισμού|Spare parts for machinery and other equipment
6671|Ανταλλακτικά μεταφορικών μέσων|Vehicle spare parts
6672|Ανταλλακτικά λοιπών μηχανημάτων|Spare parts for other machinery
6673|Ανταλλακτικά επίπλων, σκευών και λοιπού εξοπλισμού|Spare parts for furniture, fittings and other equipment
668|Υλικά φαρμακείου|Pharmacy supplies
6681|Υλικά φαρμακείου|Pharmacy supplies
6682|Λοιπά υλικά άμεσης ανάλωσης|Other immediately consumed materials
669|Λοιπές προμήθειες|Other supplies
6691|Προμήθεια ειδών σημαιοστολισμού και φωταγωγήσεων|Flags, decorations and festive lighting
6692|Προμήθεια σπόρων, φυτών, δενδρυλλίων και έτοιμου χλοοτάπητα|Seeds, plants, saplings and ready turf
6693|Προμήθεια φυτοπαθολογικού υλικού, λιπασμάτων και βελτιωτικών εδάφους|Plant protection products, fertilisers and soil improvers
6699|Λοιπές προμήθειες αναλωσίμων|Other consumables
67|Πληρωμές – μεταβιβάσεις σε τρίτους, παραχωρήσεις, παροχές, επιχορηγήσεις, επιδοτήσεις, δωρεές|Payments and transfers to third parties: grants, benefits, subsidies and donations
671|Υποχρεωτικές μεταβιβάσεις σε νομικά πρόσωπα|Mandatory transfers to legal entities
6711|Απόδοση σε σχολικές επιτροπές|Transfers to school committees
6712|Απόδοση σε παιδικούς και βρεφονηπιακούς σταθμούς|Transfers to nurseries and day-care centres
6713|Απόδοση σε αθλητικούς οργανισμούς|Transfers to sports organisations
6714|Απόδοση σε ΝΠΔΔ του ν. 3106/2003 (ΚΕΦΟ)|Transfers to public-law entities of Law 3106/2003 (ΚΕΦΟ)
6715|Επιχορήγηση δημοτικών ή κοινοτικών ΝΠΔΔ|Grants to municipal public-law entities
6716|Συμμετοχή στη δαπάνη αποζημίωσης μελών υπηρεσιακού συμβουλίου|Share of the allowances of staff council members
6717|Συμμετοχή στη δαπάνη μισθοδοσίας ελεγκτών – εισπρακτόρων ΟΤΑ|Share of the pay of local-authority auditors and collectors
6718|Λοιπές υποχρεωτικές πληρωμές για μεταβιβάσεις εισοδημάτων σε τρίτους|Other mandatory income transfers to third parties
672|Υποχρεωτικές εισφορές|Mandatory contributions
6721|Εισφορά υπέρ συνδέσμων|Contributions to associations of municipalities
6722|Εισφορά για την εξασφάλιση μέσων προστασίας του άμαχου πληθυσμού|Contribution for civil protection equipment
6724|Εισφορά για την καταπολέμηση αρουραίων και ακρίδων|Contribution for controlling rats and locusts
6725|Εισφορά υπέρ ΤΠΟΕΚΕ|Contribution to ΤΠΟΕΚΕ
6726|Λοιπές υποχρεωτικές εισφορές|Other mandatory contributions
673|Προαιρετικές εισφορές, παροχές και επιχορηγήσεις|Voluntary contributions, benefits and grants
6731|Προαιρετικές εισφορές ΝΠΔΔ|Voluntary contributions to public-law entities
6732|Προαιρετική εισφορά υπέρ του Δημοσίου για την καταπολέμηση του δάκου και την καταστροφή αρουραίων και ακρίδων|Voluntary contribution to the State for olive-fly, rat and locust control
6733|Καταβολή χρηματικών βοηθημάτων σε άπορους δημότες|Cash assistance to residents in need
6734|Επιχορηγήσεις σε αθλητικούς συλλόγους και σωματεία|Grants to sports clubs and associations
6735|Επιχορηγήσεις σε πολιτιστικούς συλλόγους και σωματεία|Grants to cultural associations
6736|Υλοποίηση προγραμματικών συμβάσεων|Implementation of programme agreements
6737|Χρηματοδοτήσεις κοινωφελών δημοτικών επιχειρήσεων|Funding of municipal public-benefit enterprises
6739|Λοιπές προαιρετικές πληρωμές για μεταβιβάσεις εισοδημάτων σε τρίτους|Other voluntary income transfers to third parties
674|Προνοιακά επιδόματα|Welfare allowances
6741|Προνοιακά επιδόματα|Welfare allowances
68|Λοιπά έξοδα|Other expenses
681|Εγγυήσεις και λοιπές μακροπρόθεσμες απαιτήσεις|Guarantees and other long-term claims
6811|Εγγυήσεις ενοικίου|Rent deposits
6812|Εγγυήσεις δημόσιων οργανισμών|Deposits with public bodies
6818|Καταπτώσεις εγγυήσεων υπέρ δημοτικών επιχειρήσεων|Guarantees called in favour of municipal enterprises
6819|Λοιπές εγγυήσεις|Other guarantees
682|Έκτακτα έξοδα|Extraordinary expenses
6821|Φορολογικά πρόστιμα και προσαυξήσεις χρήσης|Tax fines and surcharges of the year
6822|Προσαυξήσεις ασφαλιστικών ταμείων χρήσης|Social security surcharges of the year
6823|Τόκοι υπερημερίας χρήσης|Default interest of the year
7|Επενδύσεις|Investment
71|Αγορές κτιρίων, τεχνικών έργων και προμήθειες παγίων|Purchase of buildings and structures, and of fixed assets
711|Απαλλοτριώσεις και αγορές εδαφικών εκτάσεων|Expropriation and purchase of land
7111|Απαλλοτριώσεις οικοπέδων και εδαφικών εκτάσεων|Expropriation of plots and land
7112|Αγορές οικοπέδων και εδαφικών εκτάσεων|Purchase of plots and land
712|Απαλλοτριώσεις και αγορές κτιρίων – τεχνικών έργων|Expropriation and purchase of buildings and structures
7121|Απαλλοτριώσεις κτιρίων, εγκαταστάσεων κτιρίων και τεχνικών έργων|Expropriation of buildings, building installations and structures
7122|Αγορές κτιρίων, εγκαταστάσεων κτιρίων και τεχνικών έργων|Purchase of buildings, building installations and structures
713|Προμήθειες παγίων|Purchase of fixed assets
7131|Μηχανήματα και λοιπός εξοπλισμός|Machinery and other equipment
7132|Μεταφορικά μέσα|Vehicles
7133|Έπιπλα – σκεύη|Furniture and fittings
7134|Ηλεκτρονικοί υπολογιστές, ηλεκτρονικά συγκροτήματα και λογισμικά|Computers, electronic systems and software
7135|Λοιπός εξοπλισμός|Other equipment
73|Έργα|Works
731|Δαπάνες κατασκευής κτιρίων και έργων ιδιοκτησίας του δήμου|Construction of buildings and works owned by the municipality
7311|Δαπάνες κατασκευής, επέκτασης και συμπλήρωσης κτιρίων ΟΤΑ|Construction, extension and completion of municipal buildings
7312|Δαπάνες κατασκευής τεχνικών έργων ύδρευσης, άρδευσης και αποχέτευσης|Construction of water supply, irrigation and sewerage works
732|Δαπάνες κατασκευής πάγιων (μόνιμων) εγκαταστάσεων κοινής χρήσης|Construction of permanent public-use installations
7321|Κτιριακές εγκαταστάσεις κοινής χρήσης|Public-use buildings
7322|Πλατείες, πάρκα, παιδότοποι|Squares, parks and playgrounds
7323|Οδοί – οδοστρώματα|Roads and road surfaces
7324|Πεζοδρόμια|Pavements
7325|Εγκαταστάσεις ηλεκτροφωτισμού κοινής χρήσης|Public lighting installations
7326|Λοιπές εγκαταστάσεις κοινής χρήσης|Other public-use installations
733|Επισκευές και συντηρήσεις πάγιων εγκαταστάσεων κοινής χρήσης|Repair and maintenance of permanent public-use installations
7331|Κτιριακές εγκαταστάσεις κοινής χρήσης|Public-use buildings
7332|Πλατείες, πάρκα, παιδότοποι|Squares, parks and playgrounds
7333|Οδοί – οδοστρώματα|Roads and road surfaces
7334|Πεζοδρόμια|Pavements
7335|Εγκαταστάσεις ηλεκτροφωτισμού κοινής χρήσης|Public lighting installations
7336|Λοιπές μόνιμες εγκαταστάσεις κοινής χρήσης|Other permanent public-use installations
734|Έργα και δράσεις από χρηματοδοτήσεις του Εθνικού Στρατηγικού Πλαισίου Αναφοράς (ΕΣΠΑ)|Works and actions funded by the National Strategic Reference Framework (ΕΣΠΑ)
7341|Έργα και δράσεις από χρηματοδοτήσεις του Εθνικού Στρατηγικού Πλαισίου Αναφοράς (ΕΣΠΑ)|Works and actions funded by the National Strategic Reference Framework (ΕΣΠΑ)
74|Μελέτες, έρευνες, πειραματικές εργασίες και ειδικές δαπάνες|Studies, research, experimental work and special expenditure
741|Μελέτες – έρευνες και πειραματικές εργασίες|Studies, research and experimental work
7411|Μελέτες – έρευνες για κατασκευές και επέκταση κτιρίων|Studies for constructing and extending buildings
7412|Μελέτες και έρευνες για κατασκευές και επέκταση τεχνικών έργων (πλην κτιρίων)|Studies for constructing and extending works other than buildings
7413|Λοιπές μελέτες|Other studies
742|Ειδικές δαπάνες|Special expenditure
7421|Δαπάνες εφαρμογής σχεδίου πόλεως|Implementing the town plan
7422|Δαπάνες κατεδάφισης αυθαίρετων ή επικίνδυνων κτισμάτων|Demolition of unauthorised or dangerous buildings
7423|Δαπάνες κατεδάφισης ρυμοτομούμενων κτισμάτων|Demolition of buildings in the path of the street plan
7424|Αποζημιώσεις σε θιγόμενους από ρυμοτομία|Compensation to owners affected by the street plan
7425|Λοιπές ειδικές δαπάνες|Other special expenditure
75|Τίτλοι πάγιας επένδυσης (συμμετοχές σε επιχειρήσεις)|Long-term investments (holdings in enterprises)
751|Συμμετοχές σε δημοτικές επιχειρήσεις|Holdings in municipal enterprises
7511|Συμμετοχή σε αμιγείς επιχειρήσεις του δήμου|Holdings in wholly owned municipal enterprises
7512|Συμμετοχή σε αμιγείς διαδημοτικές επιχειρήσεις|Holdings in wholly owned inter-municipal enterprises
7513|Συμμετοχή σε κοινωφελείς δημοτικές ή κοινοτικές επιχειρήσεις|Holdings in municipal public-benefit enterprises
7514|Συμμετοχή σε ανώνυμες εταιρείες ΟΤΑ|Holdings in local-authority public limited companies
7515|Συμμετοχή σε αναπτυξιακές ανώνυμες εταιρείες ΟΤΑ|Holdings in local development companies
7516|Συμμετοχή σε δημοτικές ανώνυμες εταιρείες (μονομετοχικές)|Holdings in single-shareholder municipal companies
7517|Συμμετοχή σε επιχειρήσεις ΟΤΑ ειδικού σκοπού|Holdings in special-purpose local-authority enterprises
7518|Συμμετοχή σε αστικές εταιρείες ΟΤΑ μη κερδοσκοπικού χαρακτήρα|Holdings in non-profit civil companies of local authorities
7519|Συμμετοχή σε λοιπές επιχειρήσεις των ΟΤΑ|Holdings in other local-authority enterprises
752|Συμμετοχή σε λοιπές επιχειρήσεις και λοιπά νομικά πρόσωπα|Holdings in other enterprises and legal entities
7521|Συμμετοχή σε λοιπές επιχειρήσεις και λοιπά νομικά πρόσωπα|Holdings in other enterprises and legal entities
8|Πληρωμές ΠΟΕ και λοιπές αποδόσεις και προβλέψεις|Payments of prior-year obligations, other remittances and provisions
81|Πληρωμές υποχρεώσεων ΠΟΕ|Payments of prior-year obligations
811|Πληρωμές υποχρεώσεων λειτουργικών δαπανών ΠΟΕ|Prior-year obligations for operating expenditure
8111|Αμοιβές και έξοδα προσωπικού|Staff pay and costs
8112|Αμοιβές αιρετών αρχόντων και τρίτων|Pay of elected officials and third parties
8113|Αμοιβές και έξοδα τρίτων, παροχές τρίτων|Third-party fees, expenses and services
8114|Φόροι – τέλη|Taxes and charges
8115|Διάφορα έξοδα|Miscellaneous expenses
8116|Δαπάνες προμήθειας αναλωσίμων|Purchase of consumables
8117|Λοιπά έξοδα|Other expenses
812|Πληρωμές επενδυτικών δαπανών ΠΟΕ|Prior-year obligations for investment expenditure
8121|Αγορές κτιρίων, τεχνικών έργων και προμήθειες παγίων|Purchase of buildings and structures, and of fixed assets
8122|Έργα|Works
8123|Μελέτες, έρευνες, πειραματικές εργασίες και ειδικές δαπάνες|Studies, research, experimental work and special expenditure
813|Έκτακτα έξοδα ΠΟΕ|Extraordinary expenses of previous fiscal years
8131|Φορολογικά πρόστιμα και προσαυξήσεις ΠΟΕ|Tax fines and surcharges of previous fiscal years
8132|Προσαυξήσεις εισφορών ασφαλιστικών ταμείων ΠΟΕ|Social security surcharges of previous fiscal years
82|Λοιπές αποδόσεις|Other remittances
821|Απόδοση συνταξιοδοτικών εισφορών|Remittance of pension contributions
8211|Απόδοση εισφοράς υπέρ του Δημοσίου στις αποδοχές και τα έξοδα παράστασης|Remittance of the contribution to the State on pay and representation allowances
8212|Απόδοση εξαγοράς συντάξιμης υπηρεσίας|Remittance of buy-backs of pensionable service
822|Απόδοση φόρων και λοιπών επιβαρύνσεων|Remittance of taxes and other charges
8221|Απόδοση φόρων μισθωτών υπηρεσιών|Remittance of taxes on employment income
8222|Απόδοση φόρων και χαρτοσήμου δημάρχων, αντιδημάρχων, μελών δημοτικών συμβουλίων και λοιπών συλλογικών οργάνων|Remittance of taxes and stamp duty of mayors, deputy mayors, councillors and members of other collective bodies
8223|Απόδοση φόρων προμηθευτών, εργολάβων, ελεύθερων επαγγελματιών κ.λπ.|Remittance of taxes of suppliers, contractors, self-employed professionals etc.
8224|Λοιπές αποδόσεις κρατήσεων υπέρ του Δημοσίου|Other remittances of withholdings for the State
823|Απόδοση ασφαλιστικών εισφορών|Remittance of social security contributions
8231|Εισφορές σε ασφαλιστικούς οργανισμούς και ταμεία|Contributions to social security bodies and funds
8232|Εισφορά για το εφάπαξ βοήθημα του ν. 103/1975|Contribution for the lump-sum benefit of Law 103/1975
824|Λοιπές εισπράξεις υπέρ τρίτων|Other receipts on behalf of third parties
8241|Κρατήσεις στις αποδοχές για την εξόφληση δανείων του Ταμείου Παρακαταθηκών και Δανείων|Pay deductions for repaying Deposits and Loans Fund loans
8242|Λοιπές κρατήσεις υπέρ τρίτων|Other withholdings for third parties
825|Πάγιες προκαταβολές|Petty cash advances
8251|Πάγια προκαταβολή|Petty cash advance
826|Λοιπές επιστροφές|Other refunds
8261|Λοιπές επιστροφές|Other refunds
83|Επιχορηγούμενες πληρωμές υποχρεώσεων ΠΟΕ|Grant-funded payments of prior-year obligations
831|Πληρωμές υποχρεώσεων λειτουργικών δαπανών ΠΟΕ|Prior-year obligations for operating expenditure
8311|Αμοιβές και έξοδα προσωπικού|Staff pay and costs
8312|Αμοιβές αιρετών αρχόντων και τρίτων|Pay of elected officials and third parties
8313|Αμοιβές και έξοδα τρίτων, παροχές τρίτων|Third-party fees, expenses and services
8314|Φόροι – τέλη|Taxes and charges
8315|Διάφορα έξοδα|Miscellaneous expenses
8316|Δαπάνες προμήθειας αναλωσίμων|Purchase of consumables
8317|Λοιπά έξοδα|Other expenses
832|Πληρωμές επενδυτικών δαπανών ΠΟΕ|Prior-year obligations for investment expenditure
8321|Αγορές κτιρίων, τεχνικών έργων και προμήθειες παγίων|Purchase of buildings and structures, and of fixed assets
8322|Έργα|Works
8323|Μελέτες, έρευνες, πειραματικές εργασίες και ειδικές δαπάνες|Studies, research, experimental work and special expenditure
833|Έκτακτα έξοδα ΠΟΕ|Extraordinary expenses of previous fiscal years
8331|Φορολογικά πρόστιμα και προσαυξήσεις ΠΟΕ|Tax fines and surcharges of previous fiscal years
8332|Προσαυξήσεις εισφορών ασφαλιστικών ταμείων ΠΟΕ|Social security surcharges of previous fiscal years
85|Προβλέψεις μη είσπραξης εισπρακτέων υπολοίπων βεβαιωμένων κατά τα ΠΟΕ εντός του οικονομικού έτους|Provisions for receivables of previous fiscal years not expected to be collected within the year
851|Προβλέψεις μη είσπραξης εισπρακτέων υπολοίπων ΠΟΕ εντός του οικονομικού έτους|Provisions for prior-year receivables not expected to be collected within the year
8511|Προβλέψεις μη είσπραξης εισπρακτέων υπολοίπων|Provisions for uncollectable receivables
9|Αποθεματικό|Reserve
91|Ποσό διαθέσιμο για αναπλήρωση των ανεπαρκών πιστώσεων ή για τη δημιουργία νέων που δεν προβλέπονται στον προϋπολογισμό|Amount available to top up insufficient appropriations or to create new ones not foreseen in the budget
911|Αποθεματικό|Reserve
9111|Αποθεματικό|Reserve
"""

# Codes the 2024 budgets use that the 2014 edition lacks (they were added by later amendments of
# the classification), and the parent levels the 2014 edition leaves out. The wording of each is
# demoi's, chosen as the comment says; make_finance_codelists.py marks every one of them with a
# skos:editorialNote asking an editor to check it against the current ΚΥΑ.
# code: (Greek label, English label, why this wording)
CURATED_KAE: dict[str, tuple[str, str, str]] = {
    "0321": ("Τέλη και δικαιώματα ύδρευσης", "Water supply charges and dues",
             "absent from the 2014 edition; parallel to 2112 and 3212, which carry the water supply charges of previous years; used by examples/budget"),
    "035": ("Λοιπά έσοδα από ανταποδοτικά τέλη και δικαιώματα", "Other revenue from service charges and dues",
            "group of 0351; the City of Athens 2024 budget titles 0351 with these words"),
    "0351": ("Λοιπά έσοδα από ανταποδοτικά τέλη και δικαιώματα", "Other revenue from service charges and dues",
             "title of the only 0351 line of the City of Athens 2024 budget"),
    "047": ("Λοιπά έσοδα από τέλη, δικαιώματα και παροχή υπηρεσιών", "Other revenue from charges, dues and services",
            "group of 0471, under subclass 04 whose title it follows"),
    "0471": ("Λοιπά έσοδα από τέλη, δικαιώματα και παροχή υπηρεσιών", "Other revenue from charges, dues and services",
             "the City of Athens 2024 budget uses it for civil-wedding, trench-permit and mobile-mast charges"),
    "0624": ("Επιχορηγήσεις για την υλοποίηση του προγράμματος «Βοήθεια στο Σπίτι»", "Grants for the «Help at Home» programme",
             "the City of Athens 2024 budget uses it only for the «Βοήθεια στο Σπίτι» programme"),
    "0629": ("Λοιπά έσοδα από θεσμοθετημένους πόρους για κάλυψη γενικών δαπανών", "Other revenue from statutory resources for general expenditure",
             "last code (…9) of group 062, whose title it follows"),
    "0719": ("Λοιπά τακτικά έσοδα από επιχορηγήσεις και κατανομές πόρων", "Other regular revenue from grants and allocated resources",
             "the City of Athens 2024 budget uses it for Ministry of Interior grants and the allocation of the natural gas levy"),
    "1216": ("Λοιπές επιχορηγήσεις για κάλυψη λειτουργικών δαπανών", "Other grants for operating expenditure",
             "under group 121; the City of Athens 2024 budget uses it for one project grant"),
    "1217": ("Λοιπές επιχορηγήσεις για κάλυψη λειτουργικών δαπανών", "Other grants for operating expenditure",
             "under group 121; the City of Athens 2024 budget uses it for European programmes and concessions"),
    "14": ("Δωρεές, κληρονομιές και κληροδοσίες", "Donations, inheritances and bequests",
           "subclass of 141 and 142, missing from the 2014 edition"),
    "141": ("Δωρεές", "Donations", "group of 1411, missing from the 2014 edition"),
    "1315": ("Επιχορηγήσεις από το πρόγραμμα «Αντώνης Τρίτσης»", "Grants from the «Antonis Tritsis» programme",
             "the City of Athens 2024 budget uses it only for the «Αντώνης Τρίτσης» programme (Law 4635/2019)"),
    "1326": ("Χρηματοδοτήσεις από προγραμματικές συμβάσεις για έργα", "Funding from programme agreements for works",
             "the City of Athens 2024 budget uses it for a programme agreement"),
    "1327": ("Λοιπές χρηματοδοτήσεις για επενδύσεις και έργα", "Other funding for investment and works",
             "under group 132, whose title it follows; its 2024 uses are varied"),
    "1328": ("Λοιπές χρηματοδοτήσεις για επενδύσεις και έργα", "Other funding for investment and works",
             "under group 132, whose title it follows; its 2024 uses are varied"),
    "1329": ("Λοιπές χρηματοδοτήσεις για επενδύσεις και έργα", "Other funding for investment and works",
             "under group 132, whose title it follows; its 2024 uses are varied"),
    "169": ("Λοιπά έκτακτα έσοδα που δεν κατατάσσονται αλλού", "Other extraordinary revenue not classified elsewhere",
            "group of 1691-1699, missing from the 2014 edition; 1699 says what it holds"),
    "3123": ("Δάνεια από λοιπούς φορείς για κάλυψη επενδυτικών δαπανών", "Loans from other lenders for investment expenditure",
             "under group 312, after 3121 and 3122"),
    "3219": ("Λοιπά εισπρακτέα υπόλοιπα τακτικών εσόδων", "Other receivables from regular revenue",
             "last code (…9) of group 321; the City of Athens 2024 budget uses it for cemetery dues"),
    "322": ("Εισπρακτέα υπόλοιπα από βεβαιωθέντα κατά τα παρελθόντα οικονομικά έτη έκτακτα έσοδα", "Receivables from extraordinary revenue certified in previous fiscal years",
            "group of 3221 and 3222, parallel to 321"),
    "4129": ("Λοιπές κρατήσεις υπέρ του Δημοσίου", "Other withholdings for the State",
             "last code (…9) of group 412; the City of Athens 2024 budget titles it so"),
    "4149": ("Λοιπές κρατήσεις υπέρ τρίτων", "Other withholdings for third parties",
             "last code (…9) of group 414; the City of Athens 2024 budget titles it so"),
    "43": ("Εισπράξεις για απόδοση σε τρίτους", "Receipts to be passed on to third parties",
           "subclass of 4311-4319; the City of Athens 2024 budget uses it for grants passed on to school committees and beneficiaries"),
    "431": ("Επιχορηγήσεις για απόδοση σε τρίτους", "Grants to be passed on to third parties",
            "group of 4311-4319"),
    "4311": ("ΚΑΠ για την κάλυψη των λειτουργικών αναγκών των σχολείων πρωτοβάθμιας και δευτεροβάθμιας εκπαίδευσης", "ΚΑΠ for the operating needs of primary and secondary schools",
             "the City of Athens 2024 budget titles it so: the ΚΑΠ of 0614 collected to be passed on to the school committees"),
    "4312": ("Επιχορηγήσεις για προγράμματα κοινωνικής προστασίας", "Grants for social protection programmes",
             "the City of Athens 2024 budget uses it for a social protection programme"),
    "4313": ("Επιχορηγήσεις από τη ΔΥΠΑ (πρώην ΟΑΕΔ) για προγράμματα απασχόλησης", "Grants from ΔΥΠΑ (formerly ΟΑΕΔ) for employment programmes",
             "the City of Athens 2024 budget uses it for a ΟΑΕΔ grant for the long-term unemployed"),
    "4319": ("Λοιπές επιχορηγήσεις για απόδοση σε τρίτους", "Other grants to be passed on to third parties",
             "last code (…9) of group 431"),
    "5124": ("Χρηματικό υπόλοιπο προερχόμενο από έκτακτα έσοδα για την κάλυψη έργων και δράσεων συγχρηματοδοτούμενων προγραμμάτων", "Cash balance from extraordinary revenue for co-financed works and actions",
             "the City of Athens 2024 budget uses it for balances of co-financed projects"),
    "5129": ("Χρηματικό υπόλοιπο προερχόμενο από έκτακτα έσοδα για την κάλυψη λοιπών δαπανών", "Cash balance from extraordinary revenue for other expenditure",
             "last code (…9) of group 512, parallel to 5119"),
    "6723": ("Κράτηση 0,50% υπέρ του λογαριασμού του άρθρου 68 του ν.δ. 3033/1954", "0.50% withholding for the account of article 68 of Decree 3033/1954",
             "truncated in the 2014 edition («Κράτηση 0»); completed from the City of Athens 2024 budget"),
    "6729": ("Λοιπές υποχρεωτικές εισφορές και αποδόσεις", "Other mandatory contributions and transfers",
             "last code (…9) of group 672; the City of Athens 2024 budget uses it for a recycling levy and a transfer to a park authority"),
    "8229": ("Λοιπές αποδόσεις κρατήσεων υπέρ του Δημοσίου", "Other remittances of withholdings for the State",
             "last code (…9) of group 822; the City of Athens 2024 budget titles it so"),
    "8243": ("Απόδοση επιδομάτων και ενισχύσεων σε δικαιούχους", "Payment of allowances and aid to beneficiaries",
             "the City of Athens 2024 budget uses it for natural-disaster allowances"),
    "8262": ("Επιστροφή κατανομών και χρηματοδοτήσεων", "Return of allocations and funding",
             "the City of Athens 2024 budget uses it for recalled allocations"),
    "8263": ("Δημοσιονομικές διορθώσεις", "Financial corrections",
             "the City of Athens 2024 budget uses it only for financial corrections of co-financed projects"),
    "8264": ("Επιστροφή αχρεωστήτως εισπραχθέντων εσόδων σε ιδιώτες", "Refund of unduly collected revenue to individuals and companies",
             "the City of Athens 2024 budget titles it so"),
    "8269": ("Λοιπές επιστροφές", "Other refunds",
             "last code (…9) of group 826; the City of Athens 2024 budget titles it so"),
}

# Hand-written definitions of the ten classes (first digit). The lower levels get a generated
# sentence that names their parent.
CLASS_DEFINITIONS: dict[str, tuple[str, str]] = {
    "0": ("Ομάδα 0 των εσόδων: τα έσοδα που ο δήμος εισπράττει κάθε χρόνο από σταθερές πηγές, δηλαδή πρόσοδοι περιουσίας, ανταποδοτικά και λοιπά τέλη, φόροι και οι Κεντρικοί Αυτοτελείς Πόροι (ΚΑΠ) για λειτουργικές δαπάνες.",
          "Revenue class 0: revenue the municipality receives every year from recurring sources, that is property income, service and other charges, taxes, and the Central Autonomous Resources (ΚΑΠ) for operating expenditure."),
    "1": ("Ομάδα 1 των εσόδων: έσοδα που δεν επαναλαμβάνονται κάθε χρόνο, όπως εκποίηση περιουσίας, επιχορηγήσεις για λειτουργικές δαπάνες και επενδύσεις, δωρεές, προσαυξήσεις και πρόστιμα.",
          "Revenue class 1: revenue that does not recur every year, such as sales of property, grants for operating expenditure and investment, donations, surcharges and fines."),
    "2": ("Ομάδα 2 των εσόδων: έσοδα που ανήκουν σε προηγούμενα οικονομικά έτη (ΠΟΕ) αλλά βεβαιώνονται για πρώτη φορά στο τρέχον έτος.",
          "Revenue class 2: revenue that belongs to previous fiscal years but is certified for the first time in the current year."),
    "3": ("Ομάδα 3 των εσόδων: εισπράξεις από δάνεια και τα εισπρακτέα υπόλοιπα εσόδων που βεβαιώθηκαν σε προηγούμενα οικονομικά έτη (ΠΟΕ).",
          "Revenue class 3: loan receipts and the receivables from revenue certified in previous fiscal years."),
    "4": ("Ομάδα 4 των εσόδων: ποσά που ο δήμος παρακρατεί ή εισπράττει για λογαριασμό του Δημοσίου και τρίτων, όπως φόροι και ασφαλιστικές εισφορές, και επιστροφές χρημάτων· αποδίδονται μέσω της ομάδας 8 των εξόδων.",
          "Revenue class 4: amounts the municipality withholds or collects on behalf of the State and third parties, such as taxes and social security contributions, and refunds; they are passed on through expenditure class 8."),
    "5": ("Ομάδα 5 των εσόδων: το χρηματικό υπόλοιπο της προηγούμενης χρήσης που μεταφέρεται στο τρέχον οικονομικό έτος.",
          "Revenue class 5: the cash balance of the previous year brought forward into the current fiscal year."),
    "6": ("Ομάδα 6 των εξόδων: οι δαπάνες λειτουργίας του έτους, δηλαδή προσωπικό, αιρετοί και τρίτοι, παροχές τρίτων, φόροι, γενικά έξοδα, εξυπηρέτηση δανείων, αναλώσιμα και μεταβιβάσεις.",
          "Expenditure class 6: the operating expenditure of the year, that is staff, elected officials and third parties, third-party services, taxes, general expenses, debt service, consumables and transfers."),
    "7": ("Ομάδα 7 των εξόδων: οι επενδύσεις του δήμου, δηλαδή αγορές ακινήτων και παγίων, έργα, μελέτες και συμμετοχές σε επιχειρήσεις.",
          "Expenditure class 7: the municipality's investment, that is purchases of property and fixed assets, works, studies and holdings in enterprises."),
    "8": ("Ομάδα 8 των εξόδων: πληρωμές υποχρεώσεων παρελθόντων οικονομικών ετών (ΠΟΕ), αποδόσεις κρατήσεων υπέρ του Δημοσίου και τρίτων, επιστροφές και προβλέψεις μη είσπραξης.",
          "Expenditure class 8: payments of obligations of previous fiscal years, remittances of amounts withheld for the State and third parties, refunds, and provisions for uncollectable receivables."),
    "9": ("Ομάδα 9 των εξόδων: το αποθεματικό του προϋπολογισμού, ποσό που δεν διατίθεται άμεσα και μεταφέρεται με απόφαση του δημοτικού συμβουλίου για να ενισχύσει ανεπαρκείς πιστώσεις ή να δημιουργήσει νέες.",
          "Expenditure class 9: the budget reserve, an amount not spent directly and moved by a municipal council decision to top up insufficient appropriations or to create new ones."),
}

# The service (functional) codes, the two digits before the KAE in a municipal budget line
# (02.10.6011: service 10, KAE 6011). ΚΥΑ 7028/2004 defines these thirteen; the OpenBudgets.eu
# list adds a pseudo-code "1000 Ανεξαρτήτως υπηρεσίας" for revenue, which is not a service and is
# left out.
# code|Greek label|English label|Greek definition|English definition
SERVICES = """\
00|Γενικές υπηρεσίες|General services|Δαπάνες που αφορούν τον δήμο στο σύνολό του και δεν επιμερίζονται σε υπηρεσία, όπως οι αμοιβές των αιρετών, τα δικαστικά έξοδα και οι επιχορηγήσεις νομικών προσώπων του δήμου· στα έσοδα, ο κωδικός όλων των γραμμών.|Expenditure that concerns the municipality as a whole and is not allocated to a service, such as the pay of elected officials, legal costs and grants to the municipality's legal entities; on the revenue side, the code of every line.
10|Οικονομικές και διοικητικές υπηρεσίες|Finance and administrative services|Οι διοικητικές και οικονομικές υπηρεσίες του δήμου: προσωπικό, λειτουργία και εξοπλισμός των διευθύνσεων διοίκησης, οικονομικών, προσόδων και πληροφορικής.|The municipality's administrative and finance services: staff, running costs and equipment of the administration, finance, revenue and IT departments.
15|Υπηρεσίες πολιτισμού, αθλητισμού και κοινωνικής πολιτικής|Culture, sports and social policy services|Οι υπηρεσίες πολιτισμού, αθλητισμού, παιδείας και κοινωνικής πολιτικής, όπως παιδικοί σταθμοί, ΚΑΠΗ, πολιτιστικές εκδηλώσεις και αθλητικές εγκαταστάσεις.|Culture, sports, education and social policy services, such as nurseries, day centres for older people, cultural events and sports facilities.
20|Υπηρεσίες καθαριότητας και ηλεκτροφωτισμού|Cleaning and street-lighting services|Η αποκομιδή και διαχείριση των απορριμμάτων, η ανακύκλωση, ο καθαρισμός κοινόχρηστων χώρων και ο ηλεκτροφωτισμός οδών και πλατειών· χρηματοδοτούνται από το ανταποδοτικό τέλος καθαριότητας και φωτισμού.|Waste collection and management, recycling, street cleaning and the lighting of streets and squares; funded by the cleaning and lighting charge.
25|Υπηρεσίες ύδρευσης, άρδευσης και αποχέτευσης|Water supply, irrigation and sewerage services|Η ύδρευση, η άρδευση και η αποχέτευση όπου τις παρέχει ο ίδιος ο δήμος και όχι δημοτική επιχείρηση ύδρευσης-αποχέτευσης (ΔΕΥΑ).|Water supply, irrigation and sewerage where the municipality provides them itself rather than through a municipal water company (ΔΕΥΑ).
30|Υπηρεσία τεχνικών έργων|Technical works service|Η τεχνική υπηρεσία του δήμου: μελέτη, κατασκευή και συντήρηση κτιρίων, οδών, πεζοδρομίων και λοιπών έργων.|The municipality's technical service: design, construction and maintenance of buildings, roads, pavements and other works.
35|Υπηρεσίες πρασίνου|Parks and green spaces services|Η φύτευση, η συντήρηση και η άρδευση πάρκων, πλατειών, δενδροστοιχιών και λοιπών χώρων πρασίνου.|Planting, maintaining and watering parks, squares, street trees and other green spaces.
40|Υπηρεσία πολεοδομίας|Urban planning service|Η πολεοδομία και η υπηρεσία δόμησης του δήμου: πολεοδομικός σχεδιασμός, εφαρμογή ρυμοτομικού σχεδίου, άδειες και έλεγχος δόμησης.|The municipality's urban planning and building service: planning, implementing the street plan, building permits and building control.
45|Υπηρεσία νεκροταφείων|Cemeteries service|Η λειτουργία, η συντήρηση και η επέκταση των δημοτικών νεκροταφείων· χρηματοδοτείται από τα τέλη και δικαιώματα νεκροταφείων.|Running, maintaining and extending municipal cemeteries; funded by cemetery charges and dues.
50|Δημοτική αστυνομία|Municipal police|Η δημοτική αστυνομία: προσωπικό, εξοπλισμός και λειτουργία της.|The municipal police: its staff, equipment and running costs.
70|Λοιπές υπηρεσίες|Other services|Υπηρεσίες που δεν ανήκουν σε κανέναν από τους προηγούμενους κωδικούς, όπως αγροτική ανάπτυξη, τουρισμός, πολιτική προστασία ή λιμάνια, ανάλογα με την οργάνωση του δήμου.|Services not covered by any other code, such as rural development, tourism, civil protection or harbours, depending on how the municipality is organised.
80|Πληρωμές ΠΟΕ και λοιπές αποδόσεις και προβλέψεις|Payments of prior-year obligations, other remittances and provisions|Ο κωδικός των γραμμών της ομάδας 8 των εξόδων: πληρωμές υποχρεώσεων παρελθόντων οικονομικών ετών, αποδόσεις κρατήσεων και προβλέψεις.|The code of the lines of expenditure class 8: payments of obligations of previous fiscal years, remittances of withholdings, and provisions.
90|Αποθεματικό|Reserve|Ο κωδικός της γραμμής του αποθεματικού του προϋπολογισμού (ομάδα 9 των εξόδων).|The code of the budget reserve line (expenditure class 9).
"""
# fmt: on
