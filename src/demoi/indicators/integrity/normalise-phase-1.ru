# RDF Data Cube normalisation, phase 1: type and property closure.
# title@en: Normalisation phase 1: type and property closure
# title@el: Κανονικοποίηση, φάση 1: κλείσιμο τύπων και ιδιοτήτων
# spec: https://www.w3.org/TR/vocab-data-cube/#normalize-algorithm
# why: the integrity constraints are written against the normalised graph; demoi's structures say
#   qb:dimension / qb:measure / qb:attribute and never qb:componentProperty, so without this phase
#   IC-11, IC-12, IC-13, IC-14, IC-19, IC-20 and IC-21 find nothing to check and pass vacuously on
#   broken cubes (and IC-3 fires on valid ones).
# source: the spec's normalize-algorithm-phase-1.ru (§10.2), copied unchanged: six INSERT operations
#   run in order as one update. Compared in two public copies that agree: phuse-org/rrdfqbcrnd
#   rrdfqb/inst/extdata/cube-vocabulary-rdf/normalize-algorithm-phase-1.ru and the PHASE1 text of a
#   Java validator (cn.yyz.rdf.validator.NormalizationAlgorithm, code search id 33285179160).

PREFIX rdf:            <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX qb:             <http://purl.org/linked-data/cube#>

INSERT {
    ?o rdf:type qb:Observation .
} WHERE {
    [] qb:observation ?o .
};

INSERT {
    ?o  rdf:type qb:Observation .
    ?ds rdf:type qb:DataSet .
} WHERE {
    ?o qb:dataSet ?ds .
};

INSERT {
    ?s rdf:type qb:Slice .
} WHERE {
    [] qb:slice ?s.
};

INSERT {
    ?cs qb:componentProperty ?p .
    ?p  rdf:type qb:DimensionProperty .
} WHERE {
    ?cs qb:dimension ?p .
};

INSERT {
    ?cs qb:componentProperty ?p .
    ?p  rdf:type qb:MeasureProperty .
} WHERE {
    ?cs qb:measure ?p .
};

INSERT {
    ?cs qb:componentProperty ?p .
    ?p  rdf:type qb:AttributeProperty .
} WHERE {
    ?cs qb:attribute ?p .
}
