"""The open-data catalogue (law 4727/2020; DCAT-AP 3.0.1 and DCAT-AP HVD 3.0.0).

``model`` reads what the store says each municipality has published; ``export`` writes it as
DCAT-AP; ``paging`` slices it for harvesters (Hydra); ``terms`` records the reuse terms and
contact points municipalities set; ``hvd`` reports on the high-value datasets.
"""
