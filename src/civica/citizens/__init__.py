"""Citizens: personal accounts without an organisation and the verification of residents."""
