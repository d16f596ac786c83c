# the beneficiary written as a company name instead of the legal entity's IRI
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:beneficiary <http://127.0.0.1:8000/id/legal-entity/094519829> } ;
INSERT DATA { <http://127.0.0.1:8000/id/decision/4401/6Ρ7ΦΩΞΑ-ΒΛ4/item/1> dec:beneficiary "ΚΑΥΣΙΜΑ ΜΕΣΣΗΝΙΑΣ Α.Ε." }
