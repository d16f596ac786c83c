# a contract ΑΔΑΜ typed with Greek capitals (ΣΥΜ…) instead of the Latin SYMV
PREFIX proc: <https://w3id.org/demoi/def/procurement#>
DELETE DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017220334> proc:adam "25SYMV017220334" } ;
INSERT DATA { <http://127.0.0.1:8000/id/contract/4401/25SYMV017220334> proc:adam "25ΣYMV017220334" }
