# A term of office not typed org:Membership.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> a org:Membership }
