# One term of office for two posts.
PREFIX org: <http://www.w3.org/ns/org#>
INSERT DATA {
  <http://127.0.0.1:8000/id/organisation/4401/post/councillor> a org:Post .
  <http://127.0.0.1:8000/id/organisation/4401/post/deputy-mayor-finance/term/2024> org:organization <http://127.0.0.1:8000/id/organisation/4401/post/councillor> .
}
