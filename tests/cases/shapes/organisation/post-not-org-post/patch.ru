# An elected post not typed org:Post.
PREFIX org: <http://www.w3.org/ns/org#>
DELETE DATA { <http://127.0.0.1:8000/id/organisation/5501/community/92630301/post/president> a org:Post }
