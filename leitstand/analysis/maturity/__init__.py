"""The digital maturity self-assessment as pure Python: the catalogue's shape, the scoring
(six DMA axes, the DII count and their bands), the answers the landscape suggests, and the
selection of published reference figures that may honestly stand beside a result."""
