# RDF Data Cube normalisation, phase 2: push down attachment levels.
# title@en: Normalisation phase 2: push down attachment levels
# title@el: Κανονικοποίηση, φάση 2: μεταφορά τιμών στις παρατηρήσεις
# spec: https://www.w3.org/TR/vocab-data-cube/#normalize-algorithm
# why: a component attached to the data set or to a slice (qb:componentAttachment), and a dimension
#   value stated once on a slice, hold for every observation in it; IC-11 and IC-13 look at the
#   observations only, so the values must be copied down first. Runs after phase 1, whose
#   qb:componentProperty and qb:DimensionProperty triples it reads.
# source: the spec's normalize-algorithm-phase-2.ru (§10.2), copied unchanged: three INSERT
#   operations (data set attachments, slice attachments, dimension values on slices) run in order as
#   one update. Compared in two public copies that agree: phuse-org/rrdfqbcrnd
#   rrdfqb/inst/extdata/cube-vocabulary-rdf/normalize-algorithm-phase-2.ru and the PHASE2 text of a
#   Java validator (cn.yyz.rdf.validator.NormalizationAlgorithm, code search id 33285179160). A
#   third copy has a fourth INSERT for qb:componentAttachment qb:MeasureProperty, commented out;
#   neither of the two copies above has it, so it is not run here.

PREFIX qb:             <http://purl.org/linked-data/cube#>

# Dataset attachments
INSERT {
    ?obs  ?comp ?value
} WHERE {
    ?spec    qb:componentProperty ?comp ;
             qb:componentAttachment qb:DataSet .
    ?dataset qb:structure [qb:component ?spec];
             ?comp ?value .
    ?obs     qb:dataSet ?dataset.
};

# Slice attachments
INSERT {
    ?obs  ?comp ?value
} WHERE {
    ?spec    qb:componentProperty ?comp;
             qb:componentAttachment qb:Slice .
    ?dataset qb:structure [qb:component ?spec];
             qb:slice ?slice .
    ?slice ?comp ?value;
           qb:observation ?obs .
};

# Dimension values on slices
INSERT {
    ?obs  ?comp ?value
} WHERE {
    ?spec    qb:componentProperty ?comp .
    ?comp a  qb:DimensionProperty .
    ?dataset qb:structure [qb:component ?spec];
             qb:slice ?slice .
    ?slice ?comp ?value;
           qb:observation ?obs .
}
