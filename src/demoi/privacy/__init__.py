"""The personal-data guard (law 4727/2020, art. 60 §6): personal data never reach a published
graph.

* ``identifiers`` validates Greek personal identifiers (ΑΦΜ, ΑΜΚΑ, ΑΔΤ, Personal Number, IBAN,
  phones, e-mail, plates); ``detect`` finds them, and natural persons' names, inside any text;
* ``scan`` looks through tables, RDF, files and store graphs, telling legal entities (whose
  identifiers are not personal data) from natural persons;
* ``policy`` and ``treatments``: what a mapping's policy does to each column (drop, keyed
  pseudonym, generalisation, small-count suppression);
* ``gate`` refuses every write in which personal data remain, unless an operator overrides it
  for one dataset, on the record.
"""
