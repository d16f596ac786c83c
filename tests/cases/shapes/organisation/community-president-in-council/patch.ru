# The community president's post placed in the council instead of the community.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301/post/president> org:postIn <http://127.0.0.1:8000/id/organisation/5501/community/92630301> } ;
INSERT DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301/post/president> org:postIn <http://127.0.0.1:8000/id/organisation/5501/community/92630301/council> }
