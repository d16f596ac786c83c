PREFIX cult: <https://w3id.org/demoi/def/culture#>
DELETE DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> cult:declaredBy <http://127.0.0.1:8000/id/legal-resource/yppo-arch-b1-f30-13943-307-1987> } ;
INSERT DATA { <http://127.0.0.1:8000/id/poi/4401/agioi-apostoloi> cult:declaredBy "ΦΕΚ 471/Β/28-8-1987" }
