# A municipal council not typed org:OrganizationalUnit.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/unit/81215> a org:OrganizationalUnit }
