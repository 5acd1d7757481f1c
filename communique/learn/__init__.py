"""Training and cross-validation of the learned decisions on annotated corpora (needs scikit-learn)."""
