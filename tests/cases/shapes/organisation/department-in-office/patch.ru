# A department nested in an office instead of a directorate.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/cleaning> org:subOrganizationOf <http://127.0.0.1:8000/id/organisation/5501/unit/89436> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/cleaning> org:subOrganizationOf <http://127.0.0.1:8000/id/organisation/5501/unit/81204> }
