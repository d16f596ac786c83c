PREFIX cult: <https://w3id.org/demoi/def/culture#>
DELETE DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> cult:protectionDesignation "αρχαίο μνημείο"@el } ;
INSERT DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> cult:protectionDesignation "αρχαίο μνημείο" }
