"""Derive the code list of Diavgeia decision types (ontologies/codelists/decision-types.ttl).

Usage (from the repository root)::

    python tools/derive_decision_types.py            # (re)write the code list
    python tools/derive_decision_types.py --check    # exit 1 if the committed file is stale

Source: ``diavgeia-api-samples/all_types.json`` (the answer of the Diavgeia OpenData API to
``GET /types``; github.com/voulkon/diavgeia-api @641b297, MIT) under ``--data``. From it come the
codes (``uid``, the ``decisionTypeId`` of every decision), the hierarchy (``parent``) and the
official Greek label (``label``, in capitals without accents), kept as ``skos:altLabel``.

Hand-curated here (CURATED): the accented Greek label in sentence case, the English label and the
definitions. Each curated Greek label must spell the same words as Diavgeia's label once accents,
case and punctuation are set aside, so a typo or a mistranslation fails the derivation. Two groups
(2.4.6, 2.4.7) have exactly the same name as their only child type; the group's label is
disambiguated with «(ομάδα τύπων)» / «(type group)» and keeps the plain name as an alternative label.

The concept IRI is ``https://w3id.org/demoi/code/decision-type/`` + the percent-encoded code
(``Β.1.3`` -> ``%CE%92.1.3``), as SPARQL's ENCODE_FOR_URI gives it. The types that Diavgeia allows on a
decision (``allowedInDecisions``, every type but the eight groups) must also be exactly the
``sh:in`` list of ``decsh:Decision-type-known`` in shapes/decisions.ttl; this is checked too.
"""

# ruff: noqa: E501  (the curated labels and definitions are one line each)

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from generated_files import write_or_check

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "external"
DEFAULT_OUT = REPO / "ontologies" / "codelists" / "decision-types.ttl"
SHAPES = REPO / "shapes" / "decisions.ttl"
SCHEME = "https://w3id.org/demoi/code/decision-type"
KNOWN_SHAPE = "https://w3id.org/demoi/shapes/decisions#Decision-type-known"


@dataclass(frozen=True)
class Curated:
    el: str
    en: str
    definition_el: str
    definition_en: str
    # For a group named exactly like its only child type: appended to its labels.
    group_suffix: bool = False


CURATED: dict[str, Curated] = {
    # --- the eight groups (allowedInDecisions false) --------------------------------------
    "2.4.1": Curated(
        "Πράξεις κανονιστικού περιεχομένου, εγκύκλιοι, γνωμοδοτήσεις",
        "Regulatory acts, circulars and legal opinions",
        "Ομάδα τύπων της Διαύγειας για πράξεις που θέτουν γενικούς κανόνες ή ερμηνεύουν το δίκαιο: νόμοι, κανονιστικές πράξεις, εγκύκλιοι και γνωμοδοτήσεις. Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for acts that lay down general rules or interpret the law: laws, regulatory acts, circulars and legal opinions. It groups types and is not itself given to an act.",
    ),
    "2.4.2": Curated(
        "Πράξεις οικονομικού περιεχομένου",
        "Financial acts",
        "Ομάδα τύπων της Διαύγειας για πράξεις με οικονομικό αντικείμενο: προϋπολογισμός, αναλήψεις υποχρεώσεων, εγκρίσεις δαπανών, πληρωμές, απολογισμοί και επιχορηγήσεις. Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for acts with financial content: budgets, budget commitments, expenditure approvals, payments, annual accounts and grants. It groups types and is not itself given to an act.",
    ),
    "2.4.3": Curated(
        "Πράξεις οργανωτικού και διοικητικού περιεχομένου",
        "Organisational and administrative acts",
        "Ομάδα τύπων της Διαύγειας για πράξεις οργάνωσης και προσωπικού: συλλογικά όργανα, μονομελή όργανα, προκηρύξεις θέσεων, διορισμοί και υπηρεσιακές μεταβολές. Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for acts on organisation and staff: collective and single-member bodies, calls to fill posts, appointments and changes of service status. It groups types and is not itself given to an act.",
    ),
    "2.4.4": Curated(
        "Πράξεις αναθέσεων προμηθειών και διαγωνισμών - δημοσίων συμβάσεων",
        "Public procurement acts (awards and tenders)",
        "Ομάδα τύπων της Διαύγειας για πράξεις δημοσίων συμβάσεων: περιλήψεις διακηρύξεων, αναθέσεις και κατακυρώσεις έργων, προμηθειών, υπηρεσιών και μελετών. Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for public procurement acts: summaries of calls for tenders, awards and tender awards of works, supplies, services and studies. It groups types and is not itself given to an act.",
    ),
    "2.4.5": Curated(
        "Πράξεις αναπτυξιακών νόμων",
        "Acts under investment incentive laws",
        "Ομάδα τύπων της Διαύγειας για πράξεις που εκδίδονται κατ' εφαρμογή των αναπτυξιακών νόμων, δηλαδή των καθεστώτων ενίσχυσης ιδιωτικών επενδύσεων. Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for acts issued under the investment incentive laws, the aid schemes for private investment. It groups types and is not itself given to an act.",
    ),
    "2.4.6": Curated(
        "Πράξεις χωροταξικού - πολεοδομικού περιεχομένου",
        "Spatial and urban planning acts",
        "Ομάδα τύπων της Διαύγειας για πράξεις χωροταξικού και πολεοδομικού περιεχομένου, με έναν μόνο τύπο του ίδιου ονόματος (2.4.6.1). Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for spatial and urban planning acts, with a single type of the same name (2.4.6.1). It groups types and is not itself given to an act.",
        group_suffix=True,
    ),
    "2.4.7": Curated(
        "Λοιπές ατομικές διοικητικές πράξεις",
        "Other individual administrative acts",
        "Ομάδα τύπων της Διαύγειας για ατομικές διοικητικές πράξεις που δεν ανήκουν σε άλλη ομάδα, με έναν μόνο τύπο του ίδιου ονόματος (2.4.7.1). Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for individual administrative acts that belong to no other group, with a single type of the same name (2.4.7.1). It groups types and is not itself given to an act.",
        group_suffix=True,
    ),
    "2.4.8": Curated(
        "Λοιπές πράξεις",
        "Other acts",
        "Ομάδα τύπων της Διαύγειας για πράξεις που δεν ανήκουν σε καμία άλλη ομάδα, όπως τα δημόσια πρότυπα έγγραφα. Ομαδοποιεί τύπους και δεν αποδίδεται η ίδια σε πράξη.",
        "Diavgeia type group for acts that belong to no other group, such as public template documents. It groups types and is not itself given to an act.",
    ),
    # --- 2.4.1 regulatory acts, circulars, opinions ------------------------------------
    "Α.1.1": Curated(
        "Νόμος",
        "Law",
        "Νόμος που ψηφίζει η Βουλή και δημοσιεύεται στο ΦΕΚ· οι δήμοι δεν εκδίδουν νόμους.",
        "A statute passed by the Hellenic Parliament and published in the Government Gazette (ΦΕΚ); municipalities do not issue laws.",
    ),
    "Α.1.2": Curated(
        "Πράξη νομοθετικού περιεχομένου (Σύνταγμα, άρθρο 44, παρ. 1)",
        "Act of legislative content (Constitution, Article 44(1))",
        "Πράξη με ισχύ νόμου που εκδίδει ο Πρόεδρος της Δημοκρατίας σε έκτακτες περιπτώσεις επείγουσας ανάγκης (άρθρο 44 παρ. 1 του Συντάγματος).",
        "An act with the force of law issued by the President of the Republic in exceptional cases of urgent need (Article 44(1) of the Constitution).",
    ),
    "Α.2": Curated(
        "Κανονιστική πράξη",
        "Regulatory act",
        "Πράξη που θέτει γενικούς και αφηρημένους κανόνες, όπως οι κανονιστικές αποφάσεις του δημοτικού συμβουλίου (π.χ. κανονισμός καθαριότητας ή λειτουργίας κοιμητηρίων).",
        "An act laying down general and abstract rules, such as the regulatory decisions of a municipal council (e.g. a cleaning or cemetery regulation).",
    ),
    "Α.3": Curated(
        "Εγκύκλιος",
        "Circular",
        "Έγγραφο με το οποίο μια διοικητική αρχή δίνει οδηγίες για την ερμηνεία και την εφαρμογή διατάξεων.",
        "A document in which an administrative authority gives instructions on how to interpret and apply legal provisions.",
    ),
    "Α.4": Curated(
        "Γνωμοδότηση",
        "Legal opinion",
        "Γνώμη αρμόδιου οργάνου, όπως του Νομικού Συμβουλίου του Κράτους, για νομικό ζήτημα.",
        "An opinion of a competent body, such as the Legal Council of the State, on a legal question.",
    ),
    "Α.5": Curated(
        "Πρακτικά (Νομικού Συμβουλίου του Κράτους)",
        "Minutes (of the Legal Council of the State)",
        "Πρακτικά συνεδρίασης του Νομικού Συμβουλίου του Κράτους.",
        "Minutes of a meeting of the Legal Council of the State.",
    ),
    "Α.6": Curated(
        "Έκθεση αποτίμησης για την κατάσταση της υφιστάμενης νομοθεσίας",
        "Evaluation report on existing legislation",
        "Έκθεση που αποτιμά την εφαρμογή και τα αποτελέσματα της ισχύουσας νομοθεσίας σε έναν τομέα.",
        "A report evaluating how existing legislation in an area is applied and what it achieves.",
    ),
    "Α.7": Curated(
        "Έκθεση της Κεντρικής Επιτροπής Κωδικοποίησης",
        "Report of the Central Codification Committee",
        "Έκθεση της Κεντρικής Επιτροπής Κωδικοποίησης για την κωδικοποίηση της νομοθεσίας.",
        "A report of the Central Codification Committee on the codification of legislation.",
    ),
    # --- 2.4.2 financial acts ---------------------------------------------------------
    "Β.1.1": Curated(
        "Έγκριση προϋπολογισμού",
        "Budget approval",
        "Πράξη που ψηφίζει ή εγκρίνει τον προϋπολογισμό ενός φορέα· στους δήμους, η απόφαση του δημοτικού συμβουλίου για τον προϋπολογισμό του οικονομικού έτους.",
        "An act voting or approving the budget of a public body; in municipalities, the municipal council's decision on the budget of the fiscal year.",
    ),
    "Β.1.2": Curated(
        "Επιτροπικό ένταλμα",
        "Delegated payment warrant",
        "Ένταλμα με το οποίο ο διατάκτης διαθέτει πίστωση σε άλλη υπηρεσία ή σε δευτερεύοντα διατάκτη, ώστε εκείνοι να πληρώσουν δαπάνες για λογαριασμό του.",
        "A warrant by which the authorising officer places an appropriation at the disposal of another service or a secondary authorising officer, who then pay expenses on the officer's behalf.",
    ),
    "Β.1.3": Curated(
        "Ανάληψη υποχρέωσης",
        "Budget commitment",
        "Απόφαση του διατάκτη που δεσμεύει πίστωση του προϋπολογισμού για συγκεκριμένη δαπάνη και καταχωρίζεται στο μητρώο δεσμεύσεων (π.δ. 80/2016)· στους δήμους αναφέρει τον Κ.Α. και το ποσό που δεσμεύεται.",
        "A decision of the authorising officer that commits a budget appropriation to a specific expense and is entered in the commitments register (Presidential Decree 80/2016); in municipalities it states the KAE code and the amount committed.",
    ),
    "Β.2.1": Curated(
        "Έγκριση δαπάνης",
        "Expenditure approval",
        "Πράξη του αρμόδιου οργάνου που εγκρίνει την πραγματοποίηση δαπάνης, με τον δικαιούχο και το ποσό της.",
        "An act of the competent body approving an expense, with its beneficiary and amount.",
    ),
    "Β.2.2": Curated(
        "Οριστικοποίηση πληρωμής",
        "Payment finalisation",
        "Πράξη που καταγράφει ότι η δαπάνη πληρώθηκε οριστικά στον δικαιούχο.",
        "An act recording that an expense has finally been paid to its beneficiary.",
    ),
    "Β.3": Curated(
        "Ισολογισμός – απολογισμός",
        "Balance sheet and annual accounts",
        "Οι οικονομικές καταστάσεις μιας χρήσης, όπως ο ισολογισμός και ο απολογισμός εσόδων και εξόδων του προϋπολογισμού.",
        "The financial statements of a year, such as the balance sheet and the budget outturn of revenue and expenditure.",
    ),
    "Β.4": Curated(
        "Δωρεά - επιχορήγηση",
        "Donation or grant",
        "Πράξη για δωρεά ή επιχορήγηση που χορηγεί ή αποδέχεται ο φορέας.",
        "An act on a donation or grant that the body gives or accepts.",
    ),
    "Β.5": Curated(
        "Παραχώρηση χρήσης περιουσιακών στοιχείων",
        "Grant of use of assets",
        "Πράξη με την οποία ο φορέας παραχωρεί σε τρίτο τη χρήση ακινήτου ή άλλου περιουσιακού του στοιχείου, με ή χωρίς αντάλλαγμα.",
        "An act by which the body grants a third party the use of real estate or another of its assets, with or without consideration.",
    ),
    "Β.6": Curated(
        "Προγραμματική συμφωνία οικονομικής υποστήριξης",
        "Programme agreement for financial support",
        "Προγραμματική σύμβαση ή συμφωνία με την οποία δημόσιοι φορείς συνεργάζονται και ένας από αυτούς χρηματοδοτεί δράση ή έργο του άλλου.",
        "A programme contract or agreement by which public bodies cooperate and one of them funds an action or project of the other.",
    ),
    # --- 2.4.3 organisational and administrative acts ------------------------------------
    "100": Curated(
        "Πράξη που αφορά σε θέση γενικού - ειδικού γραμματέα - μονομελές όργανο",
        "Act concerning a general or special secretary or a single-member body",
        "Πράξη διορισμού, παύσης ή άλλης μεταβολής για θέση γενικού ή ειδικού γραμματέα ή για μονομελές όργανο.",
        "An act appointing, dismissing or otherwise changing the holder of a general or special secretary post or of a single-member body.",
    ),
    "Γ.2": Curated(
        "Πράξη που αφορά σε συλλογικό όργανο - επιτροπή - ομάδα εργασίας - ομάδα έργου - μέλη συλλογικού οργάνου",
        "Act concerning a collective body, committee, working group or project team, or its members",
        "Πράξη συγκρότησης ή τροποποίησης συλλογικού οργάνου, επιτροπής, ομάδας εργασίας ή ομάδας έργου, ή ορισμού των μελών τους (π.χ. επιτροπή παραλαβής).",
        "An act setting up or changing a collective body, committee, working group or project team, or appointing its members (e.g. an acceptance committee).",
    ),
    "Γ.3.1": Curated(
        "Προκήρυξη πλήρωσης θέσεων",
        "Call to fill posts",
        "Προκήρυξη για την πλήρωση θέσεων προσωπικού του φορέα.",
        "A call to fill staff posts of the body.",
    ),
    "Γ.3.2": Curated(
        "Πίνακες επιτυχόντων, διοριστέων & επιλαχόντων",
        "Lists of successful, appointable and reserve candidates",
        "Οι πίνακες των υποψηφίων μιας διαδικασίας πρόσληψης που επιτυγχάνουν, διορίζονται ή μένουν επιλαχόντες.",
        "The lists of the candidates of a recruitment procedure who succeed, are to be appointed, or are kept in reserve.",
    ),
    "Γ.3.3": Curated(
        "Διορισμός",
        "Appointment",
        "Πράξη διορισμού υπαλλήλου σε θέση του φορέα.",
        "An act appointing an employee to a post of the body.",
    ),
    "Γ.3.4": Curated(
        "Σύμβαση",
        "Staff contract",
        "Σύμβαση απασχόλησης προσωπικού, όπως σύμβαση εργασίας ορισμένου χρόνου· οι δημόσιες συμβάσεις έργων, προμηθειών και υπηρεσιών καταχωρίζονται στο ΚΗΜΔΗΣ.",
        "A contract employing staff, such as a fixed-term employment contract; public works, supply and service contracts are registered in ΚΗΜΔΗΣ instead.",
    ),
    "Γ.3.5": Curated(
        "Υπηρεσιακή μεταβολή",
        "Change of service status",
        "Πράξη που μεταβάλλει την υπηρεσιακή κατάσταση υπαλλήλου, όπως μετάθεση, απόσπαση, μετακίνηση ή λύση της υπαλληλικής σχέσης.",
        "An act changing an employee's service status, such as a transfer, secondment, reassignment or termination of employment.",
    ),
    "Γ.3.6": Curated(
        "Αθωωτική πειθαρχική απόφαση",
        "Disciplinary acquittal",
        "Πειθαρχική απόφαση που απαλλάσσει τον υπάλληλο από το πειθαρχικό παράπτωμα που του αποδόθηκε.",
        "A disciplinary decision clearing an employee of the disciplinary offence charged.",
    ),
    # --- 2.4.4 public procurement -------------------------------------------------------
    "Δ.1": Curated(
        "Ανάθεση έργων / προμηθειών / υπηρεσιών / μελετών",
        "Award of works, supplies, services or studies",
        "Απόφαση που αναθέτει σύμβαση έργου, προμήθειας, υπηρεσίας ή μελέτης σε οικονομικό φορέα, π.χ. με απευθείας ανάθεση (ν. 4412/2016, άρθρο 118).",
        "A decision awarding a works, supply, service or study contract to an economic operator, e.g. by direct award (Law 4412/2016, Article 118).",
    ),
    "Δ.2.1": Curated(
        "Περίληψη διακήρυξης",
        "Summary of a call for tenders",
        "Περίληψη της διακήρυξης διαγωνισμού για τη σύναψη δημόσιας σύμβασης.",
        "A summary of the call for tenders of a public procurement procedure.",
    ),
    "Δ.2.2": Curated(
        "Κατακύρωση",
        "Tender award",
        "Απόφαση που κατακυρώνει το αποτέλεσμα διαγωνισμού στον οικονομικό φορέα με την πλέον συμφέρουσα από οικονομική άποψη προσφορά (ν. 4412/2016, άρθρο 105).",
        "A decision awarding the contract, at the end of a tender procedure, to the economic operator with the most economically advantageous tender (Law 4412/2016, Article 105).",
    ),
    # --- 2.4.5 investment incentive laws -------------------------------------------------
    "Ε.1": Curated(
        "Πράξη υπαγωγής επενδύσεων",
        "Admission of an investment to an aid scheme",
        "Πράξη που υπάγει επενδυτικό σχέδιο σε καθεστώς ενισχύσεων αναπτυξιακού νόμου.",
        "An act admitting an investment plan to an aid scheme of an investment incentive law.",
    ),
    "Ε.2": Curated(
        "Σύμβαση - πράξεις αναπτυξιακών νόμων",
        "Contract or act under investment incentive laws",
        "Σύμβαση ή άλλη πράξη για επένδυση που έχει υπαχθεί σε αναπτυξιακό νόμο.",
        "A contract or other act concerning an investment admitted under an investment incentive law.",
    ),
    "Ε.3": Curated(
        "Απόφαση έναρξης παραγωγικής λειτουργίας επένδυσης",
        "Start of productive operation of an investment",
        "Απόφαση που πιστοποιεί την ολοκλήρωση και την έναρξη παραγωγικής λειτουργίας επένδυσης που ενισχύθηκε από αναπτυξιακό νόμο.",
        "A decision certifying that an investment aided under an investment incentive law is completed and has started productive operation.",
    ),
    "Ε.4": Curated(
        "Άλλη πράξη αναπτυξιακού νόμου",
        "Other act under an investment incentive law",
        "Πράξη αναπτυξιακού νόμου που δεν ανήκει σε άλλον τύπο της ομάδας.",
        "An act under an investment incentive law that fits no other type of its group.",
    ),
    # --- 2.4.6, 2.4.7, 2.4.8 ---------------------------------------------------------------
    "2.4.6.1": Curated(
        "Πράξεις χωροταξικού - πολεοδομικού περιεχομένου",
        "Spatial and urban planning acts",
        "Πράξη χωροταξικού ή πολεοδομικού περιεχομένου, όπως η έγκριση ή τροποποίηση ρυμοτομικού σχεδίου ή όρων δόμησης.",
        "A spatial or urban planning act, such as approving or amending a street layout plan or building terms.",
    ),
    "2.4.7.1": Curated(
        "Λοιπές ατομικές διοικητικές πράξεις",
        "Other individual administrative acts",
        "Ατομική διοικητική πράξη που δεν ανήκει σε άλλο τύπο· στους δήμους, ο συνηθέστερος τύπος για τις αποφάσεις του δημοτικού συμβουλίου και της δημοτικής επιτροπής.",
        "An individual administrative act that fits no other type; in municipalities, the most common type for decisions of the municipal council and the municipal committee.",
    ),
    "Ζ.1": Curated(
        "Δημόσια πρότυπα έγγραφα",
        "Public template documents",
        "Πρότυπα έγγραφα που δημοσιεύει ο φορέας για κοινή χρήση, όπως υποδείγματα αιτήσεων ή συμβάσεων.",
        "Template documents the body publishes for common use, such as model application forms or contracts.",
    ),
}

GROUP_SUFFIX_EL = " (ομάδα τύπων)"
GROUP_SUFFIX_EN = " (type group)"


class DerivationError(Exception):
    pass


@dataclass(frozen=True)
class DecisionType:
    uid: str
    diavgeia_label: str
    parent: str | None
    allowed: bool

    @property
    def iri(self) -> str:
        return f"{SCHEME}/{quote(self.uid, safe='')}"


def words(text: str) -> str:
    """The letters and digits of a label, upper case and without accents, for comparison."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    return "".join(ch for ch in decomposed if ch.isalnum())


def read_types(data: Path) -> list[DecisionType]:
    path = data / "diavgeia-api-samples" / "all_types.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DerivationError(f"{path} not found (give --data)") from None
    types = [
        DecisionType(
            item["uid"], " ".join(item["label"].split()), item["parent"], item["allowedInDecisions"]
        )
        for item in raw["decisionTypes"]
    ]
    uids = {t.uid for t in types}
    if len(uids) != len(types):
        raise DerivationError("all_types.json lists a type twice")
    for t in types:
        if t.parent is not None and t.parent not in uids:
            raise DerivationError(f"{t.uid}: parent {t.parent} is not a type")
        if t.allowed == (t.parent is None):
            raise DerivationError(
                f"{t.uid}: expected groups (no parent) to be the only types not allowed in decisions"
            )
    missing = sorted(uids - CURATED.keys())
    extra = sorted(CURATED.keys() - uids)
    if missing or extra:
        raise DerivationError(
            f"curated table out of step with Diavgeia: missing {missing}, unknown {extra}"
        )
    for t in types:
        curated = CURATED[t.uid]
        if words(curated.el) != words(t.diavgeia_label):
            raise DerivationError(
                f"{t.uid}: {curated.el!r} does not spell Diavgeia's {t.diavgeia_label!r}"
            )
    return types


def literal(text: str, language: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"' + (f"@{language}" if language else "")


def sort_key(t: DecisionType) -> tuple[int, str]:
    return (0 if t.parent is None else 1, t.uid if t.parent is None else f"{t.parent} {t.uid}")


def render(types: list[DecisionType]) -> str:
    by_uid = {t.uid: t for t in types}
    groups = [t for t in types if t.parent is None]
    out = [
        "# GENERATED FILE: do not edit by hand.",
        "# Regenerate with: python tools/derive_decision_types.py",
        "#",
        "# demoi code list of the Diavgeia decision types (Πρόγραμμα «Διαύγεια», ν. 3861/2010).",
        "# Source (facts derived, file not copied): the Diavgeia OpenData API, GET /types, as",
        "#   all_types.json of github.com/voulkon/diavgeia-api @641b297 (MIT; data: diavgeia.gov.gr).",
        "# Code: Diavgeia's decisionTypeId (Greek capital letters, digits and dots, e.g. Β.1.3);",
        "#   the concept IRI percent-encodes it (Β.1.3 -> %CE%92.1.3).",
        "# Hierarchy: the eight groups 2.4.1-2.4.8 are the top concepts; Diavgeia does not allow them",
        "#   on a decision (allowedInDecisions false), so decisions use the other "
        f"{len(types) - len(groups)} types.",
        "# Labels: skos:altLabel keeps Diavgeia's own label (capitals, no accents); the accented Greek",
        "#   label, the English label and the definitions are curated in the generator, which checks",
        "#   that the Greek label spells the same words as Diavgeia's.",
        "# Hand-curated decisions: the groups 2.4.6 and 2.4.7 have the same name as their only type",
        "#   (2.4.6.1, 2.4.7.1); their labels add «(ομάδα τύπων)» / «(type group)».",
        "",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "",
        f"<{SCHEME}>",
        "    a skos:ConceptScheme ;",
        '    skos:prefLabel "Τύποι πράξεων της Διαύγειας"@el , "Diavgeia decision types"@en ;',
        '    dcterms:title "Τύποι πράξεων της Διαύγειας"@el , "Diavgeia decision types"@en ;',
        "    skos:definition "
        + literal(
            "Οι τύποι πράξεων του Προγράμματος «Διαύγεια», με τον κωδικό της Διαύγειας (decisionTypeId, π.χ. Β.1.3) ως notation. "
            "Οι οκτώ ομάδες 2.4.1 έως 2.4.8 είναι οι κορυφαίες έννοιες και δεν αποδίδονται σε πράξεις· κάθε πράξη έχει έναν από τους υπόλοιπους τύπους.",
            "el",
        )
        + " ,",
        "        "
        + literal(
            "The decision types of the Diavgeia transparency programme, with Diavgeia's code (decisionTypeId, e.g. Β.1.3) as notation. "
            "The eight groups 2.4.1 to 2.4.8 are the top concepts and are not given to acts; every act has one of the other types.",
            "en",
        )
        + " ;",
        "    dcterms:source <https://diavgeia.gov.gr/luminapi/opendata/types> ;",
        "    skos:hasTopConcept "
        + " , ".join(f"<{t.iri}>" for t in sorted(groups, key=sort_key))
        + " ;",
        '    dcterms:creator "demoi" .',
    ]
    for t in sorted(types, key=sort_key):
        curated = CURATED[t.uid]
        el = curated.el + (GROUP_SUFFIX_EL if curated.group_suffix else "")
        en = curated.en + (GROUP_SUFFIX_EN if curated.group_suffix else "")
        alt = [literal(t.diavgeia_label, "el")]
        if curated.group_suffix:
            alt.append(literal(curated.el, "el"))
        out += [
            "",
            f"# {t.uid}: {t.diavgeia_label}" + ("" if t.allowed else " (group)"),
            f"<{t.iri}>",
            "    a skos:Concept ;",
            f"    skos:inScheme <{SCHEME}> ;",
            (
                f"    skos:topConceptOf <{SCHEME}> ;"
                if t.parent is None
                else f"    skos:broader <{by_uid[t.parent].iri}> ;"
            ),
            f"    skos:notation {literal(t.uid)} ;",
            f"    skos:prefLabel {literal(el, 'el')} , {literal(en, 'en')} ;",
            f"    skos:altLabel {' , '.join(alt)} ;",
            f"    skos:definition {literal(curated.definition_el, 'el')} ,",
            f"        {literal(curated.definition_en, 'en')} .",
        ]
    return "\n".join(out) + "\n"


def check_shape(types: list[DecisionType], shapes: Path) -> list[str]:
    """Problems with the sh:in list of decsh:Decision-type-known (empty when it matches)."""
    if not shapes.is_file():
        return []
    import rdflib
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    graph = rdflib.Graph().parse(shapes, format="turtle")
    lists = list(graph.objects(rdflib.URIRef(KNOWN_SHAPE), SH["in"]))
    if len(lists) != 1:
        return [f"{shapes.name}: {KNOWN_SHAPE} has {len(lists)} sh:in lists, expected 1"]
    listed = {str(item) for item in Collection(graph, lists[0])}
    allowed = {t.iri for t in types if t.allowed}
    problems = [f"{shapes.name}: sh:in lacks {iri}" for iri in sorted(allowed - listed)]
    problems += [
        f"{shapes.name}: sh:in has {iri}, not a type allowed in decisions"
        for iri in sorted(listed - allowed)
    ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder of the external source data"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="Turtle file to write or check"
    )
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    try:
        types = read_types(args.data)
    except DerivationError as err:
        print(f"derive_decision_types: {err}", file=sys.stderr)
        return 1
    text = render(types).encode("utf-8")
    problems = check_shape(types, SHAPES)
    for problem in problems:
        print(f"derive_decision_types: {problem}", file=sys.stderr)
    written = write_or_check("derive_decision_types", {args.out: text}, check=args.check)
    return 1 if problems else written


if __name__ == "__main__":
    sys.exit(main())
