# a budget commitment without its commitments register number: a warning only
PREFIX dec: <https://w3id.org/demoi/def/decisions#>
DELETE DATA { <http://127.0.0.1:8000/id/decision/4401/ΨΚΛ2ΩΞΑ-Ι3Σ> dec:commitmentRegisterNumber "Α/73" }
