"""Nothing of this app is in the admin, on purpose.

Reports reach the inspectorate of the office and nobody else; an
administrator is not the inspectorate, so the admin does not list them.
Survey answers are read only as the published quarterly index, so that no
officer can see how one company rated the office.
"""
