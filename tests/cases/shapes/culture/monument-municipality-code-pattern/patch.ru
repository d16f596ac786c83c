PREFIX demoi: <https://w3id.org/demoi/def/common#>
DELETE DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> demoi:municipality <https://w3id.org/demoi/code/municipality/4401> } ;
INSERT DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> demoi:municipality <https://w3id.org/demoi/code/municipality/9254> }
